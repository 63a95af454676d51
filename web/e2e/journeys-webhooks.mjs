// Journeys through webhook management: an organisation's owner registers an endpoint (a refused
// URL is named beside the field, the secret is shown once), pauses it, rotates its secret, reads
// its empty delivery log and deletes it; staff see the municipality's own endpoints in the staff
// console. Each screen is checked for accessibility.
const expectVisible = async (locator, what) => {
  try {
    await locator.first().waitFor({ state: 'visible', timeout: 15_000 });
  } catch {
    throw new Error(`not visible: ${what}`);
  }
};

// 赤崎地区セーフティネットワーク: owned by sanyo-owner.
const SAFETY_NET = '19264b0a-29c0-4041-a7b6-095832e60a4d';
// A public address literal (no name to resolve); the endpoint is paused before anything is sent.
const TARGET = 'https://203.0.114.10/kyoso/webhooks';

export const webhookJourneys = [
  {
    name: 'an owner registers a webhook (a forbidden target refused beside the field, the secret shown once), pauses it, rotates the secret, reads the delivery log and deletes it; staff see the municipality\'s',
    async run(page, { base, screen, signIn, newPage }) {
      await page.goto(`${base}/organizations/${SAFETY_NET}`);
      await signIn('sanyo-owner');
      await page.goto(`${base}/organizations/${SAFETY_NET}`);
      await expectVisible(page.getByRole('heading', { name: /Webhook/ }), 'the webhook section');
      // The unspecified address is refused everywhere (the demo allows private targets, production not even
      // those), named beside the field.
      await page.fill('#webhook-url', 'https://0.0.0.0/hook');
      await page.getByRole('button', { name: '登録する', exact: true }).click();
      await expectVisible(page.locator('#webhook-url-error').filter({ hasText: '未指定アドレス' }), 'the error beside the URL');
      await screen('w01-webhook-refused');
      await page.fill('#webhook-url', TARGET);
      await page.getByRole('checkbox', { name: /マッチの提案/ }).check();
      await page.getByRole('button', { name: '登録する', exact: true }).click();
      const secret = page.getByTestId('webhook-secret');
      await expectVisible(secret, 'the secret, shown once');
      const first = (await secret.textContent()) ?? '';
      if (!/^whsec_[A-Za-z0-9+/]+=*$/.test(first)) throw new Error(`not a whsec_ secret: ${first}`);
      await expectVisible(page.getByRole('heading', { name: TARGET }), 'the endpoint in the list');
      await screen('w02-webhook-secret');
      // Paused: nothing is sent to it.
      await page.getByRole('button', { name: /^停止する/ }).click();
      await expectVisible(page.getByRole('button', { name: /^有効にする/ }), 'paused');
      await page.getByRole('button', { name: /^シークレットを再発行/ }).click();
      await page.waitForFunction((old) => document.querySelector('[data-testid="webhook-secret"]')?.textContent !== old, first);
      await page.getByRole('button', { name: /^送信履歴/ }).click();
      await expectVisible(page.getByText('まだ送信はありません。'), 'the empty delivery log');
      await screen('w03-webhook-log');
      // Reloaded, the secret is gone for good.
      await page.reload();
      await expectVisible(page.getByRole('heading', { name: TARGET }), 'the endpoint after reload');
      if (await page.getByTestId('webhook-secret').count()) throw new Error('the secret is shown again');
      await page.getByRole('button', { name: /^削除/ }).click();
      await expectVisible(page.getByText('まだ登録されていません。'), 'no endpoint left');

      const staff = await newPage();
      await staff.goto(`${base}/m/352161/staff`);
      await signIn('sanyo-staff', staff);
      await staff.goto(`${base}/m/352161/staff`);
      await expectVisible(staff.getByRole('heading', { name: /Webhook/ }), 'the municipality\'s webhooks in the staff console');
      await screen('w04-staff-webhooks', staff);
    },
  },
];
