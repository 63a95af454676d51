// Signing in and out through Keycloak's own pages, as each kind of person; the page itself never
// holds a token (the API keeps the session in an HttpOnly cookie).
const expectVisible = async (locator, what) => {
  try {
    await locator.first().waitFor({ state: 'visible', timeout: 15_000 });
  } catch {
    throw new Error(`not visible: ${what}`);
  }
};

/** Everything the page's JavaScript can read: cookies and both storages. */
const readableByScript = (page) =>
  page.evaluate(() => [document.cookie, JSON.stringify(localStorage), JSON.stringify(sessionStorage)].join('\n'));

export const sessionJourneys = [
  {
    name: 'each kind of person signs in on the login page, sees their own page, and no token reaches the script',
    async run(page, { base, signIn, screen }) {
      const people = [
        ['resident', /市民 花子/, null],
        ['sanyo-owner', /赤崎 一郎/, '赤崎地区自治会連合会'],
        ['sanyo-staff', /厚狭 恵/, '山陽小野田市'],
        ['admin', /プラットフォーム 管理者/, null],
      ];
      for (const [username, name, affiliation] of people) {
        await page.goto(base + '/m/352161');
        await signIn(username);
        await page.getByRole('link', { name: 'マイページ' }).click();
        await expectVisible(page.getByText(name), `${username}'s name on my page`);
        if (affiliation) await expectVisible(page.getByText(affiliation), `${username}'s organisation or municipality`);
        const visible = await readableByScript(page);
        if (/eyJ|q_session|access_token|refresh_token/.test(visible)) {
          throw new Error(`a token is readable by the page's script: ${visible.slice(0, 200)}`);
        }
        if (username === 'sanyo-staff') await screen('40-my-page-staff');
        await page.getByRole('link', { name: 'ログアウト' }).click();
        await expectVisible(page.getByRole('link', { name: /ログイン/ }), 'signed out');
      }
    },
  },
  {
    name: 'signing out ends the session at Keycloak too: the next sign-in asks for the password again',
    async run(page, { base, signIn, issuer, screen }) {
      await page.goto(base + '/m/352161');
      await signIn('sanyo-editor');
      await page.getByRole('link', { name: 'ログアウト' }).click();
      await expectVisible(page.getByRole('link', { name: /ログイン/ }), 'signed out');
      const me = await page.evaluate(async () => (await fetch('/api/v1/me', { headers: { Accept: 'application/json' } })).status);
      if (me !== 401) throw new Error(`after signing out /api/v1/me answered ${me}`);
      await page.getByRole('link', { name: /ログイン/ }).first().click();
      await page.waitForSelector('#username');
      if (!page.url().startsWith(issuer)) throw new Error(`expected the login page, got ${page.url()}`);
      await screen('41-keycloak-login-page');
    },
  },
  {
    name: 'every kind of response carries the security headers, and no HSTS over plain HTTP (RFC 6797 §7.2)',
    async run(page, { base }) {
      const expected = {
        'content-security-policy': /default-src 'self'.*frame-ancestors 'none'/,
        'x-content-type-options': /^nosniff$/,
        'referrer-policy': /^same-origin$/,
        'x-frame-options': /^DENY$/,
      };
      const requests = [
        ['GET', '/'],
        ['GET', '/m/352161/organizations'],
        ['GET', '/api/v1/municipalities'],
        ['GET', '/api/v1/me'],
        ['GET', '/api/v1/organizations/not-a-uuid'],
        ['POST', '/api/v1/municipalities/352161/areas'],
      ];
      for (const [method, path] of requests) {
        const response = await fetch(base + path, { method, redirect: 'manual', headers: { Accept: 'application/json' } });
        for (const [header, pattern] of Object.entries(expected)) {
          const value = response.headers.get(header) ?? '';
          if (!pattern.test(value)) throw new Error(`${method} ${path} (${response.status}): ${header} is "${value}"`);
        }
        if (response.headers.has('strict-transport-security')) {
          throw new Error(`${method} ${path}: HSTS over plain HTTP`);
        }
      }
    },
  },
];
