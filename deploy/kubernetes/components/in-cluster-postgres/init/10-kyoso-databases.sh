#!/bin/sh
# Runs once, when the image initialises an empty data directory: the owners and databases of
# Kyoso and Keycloak, with the logins from the overlay's secrets. psql quotes the values
# (:"name" as an identifier, :'value' as a literal).
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
  -v kyoso_user="$KYOSO_DB_USER" -v kyoso_password="$KYOSO_DB_PASSWORD" \
  -v keycloak_user="$KEYCLOAK_DB_USER" -v keycloak_password="$KEYCLOAK_DB_PASSWORD" <<'SQL'
CREATE ROLE :"kyoso_user" LOGIN PASSWORD :'kyoso_password';
CREATE DATABASE kyoso OWNER :"kyoso_user" ENCODING 'UTF8' TEMPLATE template0;
CREATE ROLE :"keycloak_user" LOGIN PASSWORD :'keycloak_password';
CREATE DATABASE keycloak OWNER :"keycloak_user" ENCODING 'UTF8' TEMPLATE template0;
SQL
# The read-only login of the replica datasource (prefecture), when the API's secrets have one.
if [ -n "${KYOSO_READER_USER:-}" ]; then
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname kyoso \
    -v reader_user="$KYOSO_READER_USER" -v reader_password="$KYOSO_READER_PASSWORD" <<'SQL'
CREATE ROLE :"reader_user" LOGIN PASSWORD :'reader_password';
GRANT pg_read_all_data TO :"reader_user";
SQL
fi
