#!/bin/sh
# Runs once, when the postgres image initialises an empty data directory (the kyoso-db volume):
# Keycloak's own login and database beside Kyoso's (POSTGRES_DB/POSTGRES_USER). psql quotes the
# values (:"name" as an identifier, :'value' as a literal). The same as the Kubernetes
# component deploy/kubernetes/components/in-cluster-postgres/init/10-kyoso-databases.sh.
# A volume made before this script existed has no keycloak database: `docker compose down -v`.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
  -v keycloak_user="$KEYCLOAK_DB_USER" -v keycloak_password="$KEYCLOAK_DB_PASSWORD" <<'SQL'
CREATE ROLE :"keycloak_user" LOGIN PASSWORD :'keycloak_password';
CREATE DATABASE keycloak OWNER :"keycloak_user" ENCODING 'UTF8' TEMPLATE template0;
SQL
