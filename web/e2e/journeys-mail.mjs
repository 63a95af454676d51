// Journeys through notification mail: a resident chooses on My page which notifications reach
// them by mail and how often, and staff follow the municipality's mail deliveries (a guest's
// confirmation waiting for the SMTP server, with its attempts and last error). Each screen is
// checked for accessibility.
const expectVisible = async (locator, what) => {
  try {
    await locator.first().waitFor({ state: 'visible', timeout: 15_000 });
  } catch {
    throw new Error(`not visible: ${what}`);
  }
};

const SANYO = '352161';
const hoursFromNow = (h) => new Date(Date.now() + h * 3_600_000).toISOString();

export const mailJourneys = [
  {
    name: 'a resident turns one kind of notification mail off and another to a weekly digest on My page, and the choice stays',
    async run(page, { base, screen, signIn }) {
      await page.goto(`${base}/m/${SANYO}`);
      await signIn('resident');
      await page.getByRole('link', { name: 'マイページ' }).click();
      await expectVisible(page.getByRole('heading', { name: '通知メールの設定' }), 'the mail settings');
      await page.getByRole('checkbox', { name: 'マッチの辞退: メールで受け取る' }).uncheck();
      await page.getByRole('combobox', { name: 'イベントの中止: 頻度' }).selectOption('WEEKLY');
      await page.getByLabel('まとめを送る時刻').selectOption('19');
      await screen('60-my-page-mail-settings');
      await page.getByRole('button', { name: '通知メールの設定を保存' }).click();
      await expectVisible(page.getByRole('status').filter({ hasText: '保存しました' }), 'saved');
      await page.reload();
      await expectVisible(page.getByRole('heading', { name: '通知メールの設定' }), 'the mail settings again');
      if (await page.getByRole('checkbox', { name: 'マッチの辞退: メールで受け取る' }).isChecked()) {
        throw new Error('the kind turned off is on again');
      }
      const frequency = await page.getByRole('combobox', { name: 'イベントの中止: 頻度' }).inputValue();
      if (frequency !== 'WEEKLY') throw new Error(`the frequency is ${frequency}`);
    },
  },
  {
    name: "staff see a guest's confirmation mail in the deliveries view with its status and attempts",
    async run(page, { base, screen, signIn, apiAs }) {
      const created = await apiAs('sanyo-staff', 'POST', `/api/v1/municipalities/${SANYO}/events`, {
        kind: 'WORKSHOP', mode: 'IN_PERSON', title: 'メール配信の確認会', areaIds: [],
        venue: { name: '須恵公民館', address: '山口県山陽小野田市大字東須恵' },
        startsAt: hoursFromNow(24 * 10), endsAt: hoursFromNow(24 * 10 + 2), guestsAllowed: true,
      });
      await apiAs('sanyo-staff', 'POST', `/api/v1/events/${created.id}/publication`);
      await fetch(`${base}/api/v1/events/${created.id}/registrations`, {
        method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ guest: { name: '配信 確認', email: 'mail-journey@example.jp' }, answers: [] }),
      }).then((r) => { if (r.status !== 201) throw new Error(`guest registration: ${r.status}`); });
      await page.goto(`${base}/m/${SANYO}`);
      await signIn('sanyo-staff');
      await page.goto(`${base}/m/${SANYO}/staff`);
      const section = page.getByRole('region', { name: 'メールの配信状況' });
      await expectVisible(section, 'the deliveries view');
      await expectVisible(section.getByRole('cell', { name: /メール配信の確認会/ }), "the guest's confirmation");
      await expectVisible(section.getByRole('cell', { name: 'm***@example.jp' }), 'the masked recipient');
      await screen('61-staff-mail-deliveries');
    },
  },
];
