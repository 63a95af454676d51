// Browser tests: the packaged API (embedded PostgreSQL, demo data) serving the built SPA,
// driven in Debian's Chromium by playwright-core; people sign in on Keycloak's own login page.
// Each screen is checked with axe-core and saved as a screenshot in web/target/screenshots.
//
// The Maven build starts Keycloak with docker/keycloak/kyoso-realm.json and passes its URL in
// KYOSO_TEST_KEYCLOAK_URL (and admin credentials in KYOSO_TEST_KEYCLOAK_ADMIN, to create the
// people a journey invents). Without it the test-scope issuer (api/target/test-classes:
// jp.kyoso.support.DevIdentityProvider, never in the jar) is started beside the API.
//
//   node e2e/run.mjs ../api/target/quarkus-app/quarkus-run.jar
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { journeys as coreJourneys } from './journeys.mjs';
import { planJourneys } from './journeys-plans.mjs';
import { projectJourneys } from './journeys-projects.mjs';
import { contactJourneys } from './journeys-contact.mjs';
import { sessionJourneys } from './journeys-session.mjs';
import { eventJourneys } from './journeys-events.mjs';
import { mailJourneys } from './journeys-mail.mjs';
import { areaJourneys } from './journeys-areas.mjs';
import { brokeringJourneys } from './journeys-brokering.mjs';

// E2E_GREP=events runs only the journeys whose name matches (a regular expression).
const grep = process.env.E2E_GREP ? new RegExp(process.env.E2E_GREP) : undefined;
const journeys = [...coreJourneys, ...planJourneys, ...projectJourneys, ...contactJourneys, ...sessionJourneys, ...eventJourneys, ...areaJourneys, ...brokeringJourneys, ...mailJourneys]
  .filter((j) => !grep || grep.test(j.name));

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const jar = resolve(process.argv[2] ?? '../api/target/quarkus-app/quarkus-run.jar');
const shots = resolve('target/screenshots');

if (!existsSync(CHROMIUM)) {
  const message = `No Chromium at ${CHROMIUM} (install it: apt-get install chromium).`;
  if (process.env.CI) {
    console.error(`${message} CI must run the browser tests.`);
    process.exit(1);
  }
  console.log(`Browser tests SKIPPED: ${message}`);
  process.exit(0);
}

const freePort = () =>
  new Promise((ok) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => ok(port));
    });
  });

const port = await freePort();
const keycloak = process.env.KYOSO_TEST_KEYCLOAK_URL;
const issuer = keycloak ? `${keycloak}/realms/kyoso` : `http://localhost:${await freePort()}/realms/kyoso`;
const dataDir = mkdtempSync(join(tmpdir(), 'kyoso-e2e-'));
const base = `http://localhost:${port}`;
const app = resolve(jar, '..');
const testIssuer = keycloak
  ? null
  : spawn(process.env.JAVA_BIN ?? 'java', ['-cp',
      [resolve(app, '../test-classes'), join(app, 'app/*'), join(app, 'lib/main/*')].join(':'),
      'jp.kyoso.support.DevIdentityProvider', new URL(issuer).port], { stdio: 'ignore' });
const api = spawn(process.env.JAVA_BIN ?? 'java', ['-jar', jar], {
  env: {
    ...process.env,
    KYOSO_DEMO_DATA: 'true',
    KYOSO_DATA_DIR: join(dataDir, 'pg'),
    QUARKUS_HTTP_PORT: String(port),
    QUARKUS_OIDC_AUTH_SERVER_URL: issuer,
    // The test issuer may start after the API: the API retries reaching it meanwhile.
    QUARKUS_OIDC_CONNECTION_DELAY: '60s',
  },
  stdio: ['ignore', 'pipe', 'pipe'],
});
let apiLog = '';
api.stdout.on('data', (d) => (apiLog += d));
api.stderr.on('data', (d) => (apiLog += d));

const form = (fields) => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams(fields),
});

/** People a journey invents are created in Keycloak through its admin API (the demo people come from the realm file). */
const knownUsers = new Set();
async function ensureUser(username) {
  if (!keycloak || knownUsers.has(username)) return;
  const [adminUser, adminPassword] = (process.env.KYOSO_TEST_KEYCLOAK_ADMIN ?? ':').split(':');
  const admin = await (await fetch(`${keycloak}/realms/master/protocol/openid-connect/token`,
    form({ grant_type: 'password', client_id: 'admin-cli', username: adminUser, password: adminPassword }))).json();
  const headers = { Authorization: `Bearer ${admin.access_token}`, 'Content-Type': 'application/json' };
  const found = await (await fetch(`${keycloak}/admin/realms/kyoso/users?exact=true&username=${encodeURIComponent(username)}`, { headers })).json();
  if (found.length === 0) {
    const created = await fetch(`${keycloak}/admin/realms/kyoso/users`, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        username, enabled: true, email: `${username}@users.kyoso.example`, emailVerified: true,
        firstName: username, lastName: 'テスト',
        credentials: [{ type: 'password', value: 'demo', temporary: false }],
      }),
    });
    if (created.status !== 201) throw new Error(`could not create ${username} in Keycloak: ${created.status}`);
  }
  knownUsers.add(username);
}

async function waitForApi() {
  for (let i = 0; i < 180; i++) {
    try {
      if ((await fetch(`${base}/api/v1/municipalities`)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`The API did not start:\n${apiLog.slice(-3000)}`);
}

let passed = 0;
let failed = 0;
let browser;
try {
  await waitForApi();
  rmSync(shots, { recursive: true, force: true }); // no stale screenshots from an earlier run
  mkdirSync(shots, { recursive: true });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  const axeSource = readFileSync(new URL('../node_modules/axe-core/axe.min.js', import.meta.url), 'utf8');
  for (const journey of journeys) {
    const context = await browser.newContext({ viewport: journey.viewport ?? { width: 1280, height: 900 }, locale: 'ja-JP' });
    const page = await context.newPage();
    const pageErrors = [];
    const extraContexts = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    const helpers = {
      base,
      issuer,
      /** Calls the API as a user with a bearer token from Keycloak's password grant (test set-up only). */
      async apiAs(username, method, path, body) {
        await ensureUser(username);
        const tokenResponse = await fetch(`${issuer}/protocol/openid-connect/token`,
          form({ grant_type: 'password', client_id: 'kyoso-cli', username, password: 'demo' }));
        const { access_token: token } = await tokenResponse.json();
        const response = await fetch(base + path, {
          method,
          headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', Accept: 'application/json' },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
        const json = await response.json().catch(() => ({}));
        if (!response.ok) throw new Error(`${method} ${path} → ${response.status} ${JSON.stringify(json)}`);
        return json;
      },
      /** Checks a screen with axe-core and saves its screenshot (of the journey's page, or another one it opened). */
      async screen(name, target = page) {
        await target.waitForLoadState('networkidle');
        // Evaluated through the debugging protocol, so the app's own CSP stays in force.
        await target.evaluate(axeSource);
        const result = await target.evaluate(async () =>
          // eslint-disable-next-line no-undef
          axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }),
        );
        await target.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
        if (result.violations.length > 0) {
          const list = result.violations
            .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`)
            .join('\n  ');
          throw new Error(`axe-core found ${result.violations.length} violation(s) on ${name}:\n  ${list}`);
        }
      },
      /** Signs in on the identity provider's own login page (Keycloak's, in the Maven build). */
      async signIn(username, target = page) {
        await ensureUser(username);
        await target.getByRole('link', { name: /ログイン|Sign in/ }).first().click();
        await target.waitForSelector('#username');
        if (!target.url().startsWith(issuer)) throw new Error(`not the identity provider's page: ${target.url()}`);
        await target.fill('#username', username);
        await target.fill('#password', 'demo');
        await target.getByRole('button', { name: /ログイン|サインイン|Sign in/ }).click();
        await target.getByRole('link', { name: /マイページ|My page/ }).waitFor();
      },
      async newPage() {
        const other = await context.browser().newContext({ viewport: { width: 1280, height: 900 }, locale: 'ja-JP' });
        extraContexts.push(other);
        return other.newPage();
      },
    };
    try {
      await journey.run(page, helpers);
      if (pageErrors.length) throw new Error(`JavaScript errors: ${pageErrors.join('; ')}`);
      passed++;
      console.log(`ok - ${journey.name}`);
    } catch (e) {
      failed++;
      console.log(`not ok - ${journey.name}\n  ${String(e.stack ?? e).split('\n').slice(0, 6).join('\n  ')}`);
      await page.screenshot({ path: join(shots, `FAILED-${journey.name.replace(/\W+/g, '-')}.png`), fullPage: true }).catch(() => {});
    } finally {
      for (const other of extraContexts) await other.close();
      await context.close();
    }
  }
} catch (e) {
  failed++;
  console.log(`not ok - browser test setup\n  ${e.message}`);
} finally {
  await browser?.close();
  api.kill('SIGTERM');
  testIssuer?.kill('SIGTERM');
  await new Promise((r) => api.once('exit', r));
  // The API's own log, to read what went wrong on the server side.
  writeFileSync(join(shots, '..', 'e2e-api.log'), apiLog);
  rmSync(dataDir, { recursive: true, force: true });
}
console.log(`Browser tests: ${passed} passed, ${failed} failed`);
console.log(`Screenshots: ${shots}`);
process.exit(failed > 0 ? 1 : 0);
