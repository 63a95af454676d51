#!/usr/bin/env node
// Derives the production realm (base/keycloak/kyoso-realm.json) from the demo realm
// (docker/keycloak/kyoso-realm.json, the single source of truth for clients and roles).
//
//   node realm.mjs           write base/keycloak/kyoso-realm.json
//   node realm.mjs --check   exit 1 when the committed file differs from what it would write
//
// What production leaves out or changes, and why:
//   - users: the demo people (password `demo`) must never exist in production; people sign up
//     or are created by the operator, and Kyoso's own data gives them their roles;
//   - registrationAllowed: false, whatever the demo says. The demo realm lets a visitor make an
//     account; production opens self-registration when the operator has set up e-mail
//     (SMTP) and verification in Keycloak;
//   - kyoso-cli: the resource-owner password grant is for local demo tokens only
//     (docker/README.md: "Production ... deletes that client");
//   - kyoso-web: a public browser client the SPA does not use (the API runs the code flow for
//     the browser as the confidential client kyoso-api, backend-for-frontend);
//   - redirect URIs: only the public HTTPS address, no localhost; kyoso-api exactly the
//     callback the API registers (docs/configuration.md, KYOSO_PUBLIC_URL);
//   - client secrets: placeholders that Keycloak resolves from its environment when it imports
//     the realm (${KYOSO_API_CLIENT_SECRET}: the API's own QUARKUS_OIDC_CREDENTIALS_SECRET;
//     ${KYOSO_INTEGRATION_CLIENT_SECRET}: from secrets/keycloak.env).
// Everything else (realm settings, the admin role, kyoso-mobile, kyoso-integration) is copied.
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const source = join(here, "..", "..", "docker", "keycloak", "kyoso-realm.json");
const target = join(here, "base", "keycloak", "kyoso-realm.json");

const DROPPED_CLIENTS = new Set(["kyoso-cli", "kyoso-web"]);

export function productionRealm(demo) {
  const realm = structuredClone(demo);
  delete realm.users;
  realm.registrationAllowed = false;
  realm.clients = realm.clients
    .filter((c) => !DROPPED_CLIENTS.has(c.clientId))
    .map((client) => {
      const c = structuredClone(client);
      switch (c.clientId) {
        case "kyoso-api":
          c.description =
            "Confidential client the API uses for the browser code flow (Quarkus OIDC hybrid).";
          c.secret = "${KYOSO_API_CLIENT_SECRET}";
          c.redirectUris = ["${KYOSO_PUBLIC_URL}/api/v1/auth/callback"];
          c.webOrigins = ["${KYOSO_PUBLIC_URL}"];
          c.attributes = { ...c.attributes, "post.logout.redirect.uris": "${KYOSO_PUBLIC_URL}/" };
          break;
        case "kyoso-integration":
          c.description = "Confidential client for machine-to-machine integrations (client credentials).";
          c.secret = "${KYOSO_INTEGRATION_CLIENT_SECRET}";
          break;
        case "kyoso-mobile":
          break;
        default:
          throw new Error(
            `docker/keycloak/kyoso-realm.json has a client realm.mjs does not know: ${c.clientId}. ` +
              "Decide what production does with it (copy, change, drop) in realm.mjs.",
          );
      }
      if (typeof c.secret === "string" && !c.secret.startsWith("${")) {
        throw new Error(`client ${c.clientId} would carry a literal secret into production`);
      }
      return c;
    });
  return realm;
}

function render() {
  const demo = JSON.parse(readFileSync(source, "utf8"));
  return JSON.stringify(productionRealm(demo), null, 2) + "\n";
}

const text = render();
if (process.argv.includes("--check")) {
  let current = "";
  try {
    current = readFileSync(target, "utf8");
  } catch {
    // missing: reported below
  }
  if (current !== text) {
    console.error(
      "base/keycloak/kyoso-realm.json is not what realm.mjs derives from docker/keycloak/kyoso-realm.json;\n" +
        "run `node deploy/kubernetes/realm.mjs` and commit the result.",
    );
    process.exit(1);
  }
  console.log("realm: base/keycloak/kyoso-realm.json matches docker/keycloak/kyoso-realm.json");
} else {
  writeFileSync(target, text);
  console.log(`wrote ${target}`);
}
