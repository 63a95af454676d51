// Journeys through events (きっかけづくり): registering and cancelling, the waitlist moving up,
// checking people in on a phone, closing with a report and the participation dashboard, and an
// organiser creating and publishing an event. Each screen is checked for accessibility.
const expectVisible = async (locator, what) => {
  try {
    await locator.first().waitFor({ state: 'visible', timeout: 15_000 });
  } catch {
    throw new Error(`not visible: ${what}`);
  }
};

const SANYO = '352161';
// Demo events (api/src/main/resources/demo/events.json).
const PPP_2026 = '9754e19e-295f-5038-a75f-f26620f13c97'; // open, the resident is registered
const SUE_2 = 'a6c9adfe-9202-5102-8a65-def61ceea3be'; // held, not yet closed; 中村 由美 registered but not checked in
const SUE_3 = '58e37821-5bd3-57c7-8cab-d68f3300b386'; // full: 10 seats taken, 4 waiting
const NAGAYAMA_7 = '9e1311fe-81b8-5051-9fce-4b222f9dcd7c'; // 多摩市, guests allowed
const CODE = /^[2-9A-Z]{4}-[2-9A-Z]{4}$/;

/** The figures of one fiscal year's row of the dashboard's table, by column header. */
async function yearRow(page, label) {
  const table = page.getByTestId('participation-years');
  await expectVisible(table, 'the table by fiscal year');
  const headers = await table.locator('thead th').allTextContents();
  const row = table.locator('tbody tr').filter({ has: page.getByRole('rowheader', { name: label, exact: true }) });
  const cells = [label, ...(await row.locator('td').allTextContents())];
  return Object.fromEntries(headers.map((h, i) => [h, Number((cells[i] ?? '').replace(/[^0-9]/g, ''))]));
}

export const eventJourneys = [
  {
    name: 'a resident finds an event in the list and the month calendar, cancels, registers again answering the required question, and cancels',
    async run(page, { base, screen, signIn }) {
      await page.goto(`${base}/m/${SANYO}`);
      await signIn('resident');
      await page.getByRole('navigation').getByRole('link', { name: 'イベント' }).click();
      await expectVisible(page.getByRole('heading', { name: /イベント/, level: 1 }), 'events page');
      await expectVisible(page.getByTestId('event-card'), 'an event in the list');
      await screen('e01-event-list');
      await page.selectOption('#kind', 'SEMINAR');
      await page.getByRole('button', { name: '検索' }).click();
      await expectVisible(page.getByRole('link', { name: /PPP実践セミナー2026/ }), 'the seminar among the seminars');
      await page.getByRole('link', { name: 'カレンダー' }).click();
      await expectVisible(page.getByRole('table', { name: /令和\d+年\d+月/ }), 'the month calendar');
      // February 2027 (令和9年2月), the month of the seminar.
      const url = new URL(page.url());
      url.searchParams.set('month', '2027-02');
      await page.goto(url.toString());
      const calendar = page.getByRole('table', { name: '令和9年2月' });
      await expectVisible(calendar, 'February 2027 in its era');
      const day = calendar.locator('td[data-date="2027-02-20"]');
      await expectVisible(day.getByRole('link', { name: /13:30 PPP実践セミナー2026/ }), 'the seminar on 20 February at 13:30 Japan time');
      await screen('e02-event-calendar');
      await page.selectOption('#week-start', 'mon');
      const firstHeader = await calendar.locator('thead th').first().textContent();
      if (!firstHeader?.startsWith('月')) throw new Error(`the week does not start on Monday: ${firstHeader}`);

      await day.getByRole('link', { name: /PPP実践セミナー2026/ }).click();
      await expectVisible(page.getByRole('heading', { name: /PPP実践セミナー2026/, level: 1 }), 'event page');
      await expectVisible(page.getByText('令和9年2月20日(土) 13:30〜'), 'when, in Japan time with its era');
      const ics = page.getByRole('link', { name: 'カレンダーに追加（.ics）' });
      if ((await ics.getAttribute('href')) !== `/api/v1/events/${PPP_2026}.ics`) throw new Error('no .ics link');
      await expectVisible(page.getByTestId('my-code'), 'the demo registration with its code');
      await page.getByRole('button', { name: '申し込みを取り消す' }).click();
      await page.getByRole('group').getByRole('button', { name: '申し込みを取り消す' }).click();
      await expectVisible(page.getByRole('heading', { name: '参加を申し込む' }), 'the form, once cancelled');

      await page.getByRole('button', { name: '申し込む', exact: true }).click();
      await expectVisible(page.locator('#answer-affiliation-error'), 'error next to the required question');
      await screen('e03-register-errors');
      await page.getByLabel('個人', { exact: true }).check();
      await page.fill('#answer-question', '市民が使える場所はできますか');
      await page.getByRole('button', { name: '申し込む', exact: true }).click();
      await expectVisible(page.getByTestId('my-code'), 'my code');
      const code = await page.getByTestId('my-code').textContent();
      if (!CODE.test(code ?? '')) throw new Error(`not a check-in code: ${code}`);
      await expectVisible(page.getByRole('img', { name: `受付コード ${code} の QR コード` }), 'the QR code of my code');
      await expectVisible(page.getByTestId('my-registration-status').filter({ hasText: '申込済み' }), 'registered');
      await screen('e04-my-registration');

      await page.getByRole('button', { name: '申し込みを取り消す' }).click();
      await page.getByRole('group').getByRole('button', { name: '申し込みを取り消す' }).click();
      await expectVisible(page.getByRole('heading', { name: '参加を申し込む' }), 'the form again, once cancelled');
      await page.getByRole('link', { name: 'マイページ' }).click();
      await expectVisible(page.getByRole('heading', { name: '申し込んだイベント' }), 'my events on my page');
    },
  },
  {
    name: 'a guest registers without an account where the event allows it',
    async run(page, { base, screen }) {
      await page.goto(`${base}/events/${NAGAYAMA_7}`);
      await expectVisible(page.getByRole('heading', { name: 'アカウントなしで申し込む' }), 'the guest form');
      await page.getByRole('button', { name: '申し込む', exact: true }).click();
      await expectVisible(page.locator('#guest-name-error'), 'error next to the name');
      await page.fill('#guest-name', '多摩 太郎');
      await page.fill('#guest-email', `tama-${Date.now()}@example.jp`);
      await page.getByRole('button', { name: '申し込む', exact: true }).click();
      await expectVisible(page.getByTestId('my-code'), 'the guest’s code');
      await screen('e05-guest-registered');
    },
  },
  {
    name: 'a full event waitlists a new registration, and the waitlist moves up in order when seats free',
    async run(page, { base, screen, signIn, newPage, apiAs }) {
      await page.goto(`${base}/events/${SUE_3}`);
      await signIn('sanyo-cci');
      await expectVisible(page.getByText('満席（キャンセル待ちで申し込めます）').first(), 'the event is full');
      await page.getByRole('button', { name: '申し込む', exact: true }).click();
      await expectVisible(page.getByText('キャンセル待ち 5 番目'), 'fifth on the waitlist');
      await expectVisible(page.getByTestId('my-registration-status').filter({ hasText: 'キャンセル待ち' }), 'waitlisted');
      await screen('e06-waitlisted');

      // Two people holding a seat cancel: the first two waiting (a guest, then 赤崎 学) move up.
      for (const username of ['sanyo-editor', 'sanyo-owner']) {
        const event = await apiAs(username, 'GET', `/api/v1/events/${SUE_3}`);
        await apiAs(username, 'DELETE', `/api/v1/events/${SUE_3}/registrations/${event.myRegistrationId}`);
      }
      await page.reload();
      await expectVisible(page.getByText('キャンセル待ち 3 番目'), 'moved up to third');

      const school = await newPage();
      await school.goto(`${base}/events/${SUE_3}`);
      await signIn('sanyo-school', school);
      await expectVisible(school.getByTestId('my-registration-status').filter({ hasText: '申込済み' }), 'promoted from the waitlist');
      await expectVisible(school.getByTestId('my-code'), 'the promoted person’s code');

      const staff = await newPage();
      await staff.goto(`${base}/events/${SUE_3}`);
      await signIn('sanyo-staff', staff);
      await staff.getByRole('link', { name: '申込者一覧' }).click();
      await expectVisible(staff.getByRole('heading', { name: 'キャンセル待ち' }), 'the waitlist');
      const waiting = staff.locator('table').nth(1).locator('tbody tr');
      const names = await waiting.locator('td:nth-child(2)').allTextContents();
      if (names.length !== 3 || !names[0].includes('小林 大輔') || !names[1].includes('吉田 翔')) {
        throw new Error(`waitlist not in arrival order: ${names.join(' / ')}`);
      }
      const csv = staff.getByRole('link', { name: 'CSV をダウンロード（Excel 向け）' });
      if ((await csv.getAttribute('href')) !== `/api/v1/events/${SUE_3}/registrations.csv`) throw new Error('no CSV link');
      await screen('e07-registrations-waitlist', staff);
    },
  },
  {
    name: 'an organiser checks a person in by typed code on a 360 px phone',
    viewport: { width: 360, height: 740 },
    async run(page, { base, screen, signIn, apiAs }) {
      const registrations = await apiAs('sanyo-staff', 'GET', `/api/v1/events/${SUE_2}/registrations?size=100`);
      const person = registrations.items.find((r) => r.name === '中村 由美' && r.status === 'REGISTERED');
      if (!person) throw new Error('中村 由美 is not registered and waiting to check in');
      await page.goto(`${base}/events/${SUE_2}`);
      await signIn('sanyo-staff');
      await page.getByRole('link', { name: '当日受付' }).click();
      await expectVisible(page.getByRole('heading', { name: '当日受付', level: 1 }), 'the check-in screen');
      await expectVisible(page.getByText('受付済み 4 / 申込 5'), 'the tally');
      await screen('e08-check-in-360');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      if (overflow > 0) throw new Error(`the check-in screen is wider than the phone by ${overflow}px`);
      // Typed as on a phone: lower case, no hyphen.
      await page.fill('#check-in-code', person.code.replace('-', '').toLowerCase());
      await page.getByRole('button', { name: '受付する' }).click();
      await expectVisible(page.getByRole('status').filter({ hasText: `受付しました: 中村 由美（${person.code}）` }), 'checked in');
      await expectVisible(page.getByText('受付済み 5 / 申込 5'), 'the tally grew');
      if ((await page.inputValue('#check-in-code')) !== '') throw new Error('the field is not ready for the next person');
      await page.fill('#check-in-code', person.code);
      await page.getByRole('button', { name: '受付する' }).click();
      await expectVisible(page.getByRole('alert').filter({ hasText: '既に受付済みです' }), 'a second check-in is refused');
      await screen('e09-checked-in-360');
    },
  },
  {
    name: 'an organiser closes an event with a report and the participation dashboard changes',
    async run(page, { base, screen, signIn }) {
      await page.goto(`${base}/m/${SANYO}/participation`);
      await expectVisible(page.getByRole('heading', { name: /参加の広がり/, level: 1 }), 'the dashboard');
      const before = await yearRow(page, '令和8年度');
      await screen('e10-participation-before');
      await signIn('sanyo-staff');
      await page.goto(`${base}/events/${SUE_2}`);
      await page.getByRole('link', { name: '報告をまとめて終了する' }).click();
      await expectVisible(page.getByRole('heading', { name: '開催報告', level: 1 }), 'the report form');
      const prefilled = await page.inputValue('#attendeeCount');
      if (!/^\d+$/.test(prefilled) || Number(prefilled) < 4) throw new Error(`attendees not pre-filled from check-ins: ${prefilled}`);
      await page.fill('#walkIns', '三');
      await page.getByRole('button', { name: '報告を保存して終了する' }).click();
      await expectVisible(page.locator('#walkIns-error'), 'error next to the walk-ins');
      await page.fill('#walkIns', '３');
      await page.fill('#publicSummary', '子育て世代を中心に参加。雨の日の居場所の候補を3つに絞りました。');
      await page.fill('#summary', '次回は試行プランを決める。託児は2人。');
      await screen('e11-close-form');
      await page.getByRole('button', { name: '報告を保存して終了する' }).click();
      await expectVisible(page.getByRole('heading', { name: '開催報告', level: 2 }), 'the report on the event page');
      await expectVisible(page.getByText('雨の日の居場所の候補を3つに絞りました'), 'the public summary');
      await screen('e12-closed-event');
      await page.goto(`${base}/m/${SANYO}/participation`);
      const after = await yearRow(page, '令和8年度');
      if (after['報告の参加者数'] !== before['報告の参加者数'] + 3) {
        throw new Error(`the reported headcount did not grow by the 3 walk-ins: ${before['報告の参加者数']} → ${after['報告の参加者数']}`);
      }
      await expectVisible(page.getByTestId('funnel'), 'the funnel');
      await screen('e13-participation-after');
    },
  },
  {
    name: 'an organiser creates an event with an extra question, sees field errors, and publishes it',
    async run(page, { base, screen, signIn }) {
      await page.goto(`${base}/m/${SANYO}/events`);
      await signIn('sanyo-staff');
      await page.getByRole('link', { name: 'イベントをつくる' }).click();
      await expectVisible(page.getByRole('heading', { name: 'イベントをつくる', level: 1 }), 'the event form');
      await page.fill('#description', '地域の方と市職員で、高泊地区のこれからを話し合います。');
      await page.getByRole('button', { name: '下書きとして保存する' }).click();
      await expectVisible(page.locator('#title-error'), 'error next to the title');
      await expectVisible(page.locator('#startsAt-error'), 'error next to the start');
      if ((await page.inputValue('#description')) === '') throw new Error('typed input was lost');
      await screen('e14-event-form-errors');
      await page.fill('#title', '高泊地区 対話の場「これからの高泊」');
      await page.selectOption('#kind', 'DIALOGUE');
      await page.fill('#startsAt', '2027-03-20');
      await page.fill('#startTime', '13:30');
      await page.fill('#endTime', '15:30');
      await page.fill('#venue-name', '高泊公民館');
      await page.fill('#capacity', '３０');
      await page.getByRole('button', { name: '質問を追加する' }).click();
      await page.fill('#questions-0--label', '参加のきっかけ');
      await page.selectOption('#questions-0--kind', 'SINGLE_CHOICE');
      await page.fill('#questions-0--options', '回覧板\n市報\n知人の紹介');
      await page.getByRole('button', { name: '下書きとして保存する' }).click();
      await expectVisible(page.getByRole('heading', { name: '高泊地区 対話の場「これからの高泊」', level: 1 }), 'the new draft');
      await expectVisible(page.getByText('令和9年3月20日(土) 13:30〜15:30'), 'when, as typed in Japan time');
      await page.getByRole('button', { name: '公開する' }).click();
      await expectVisible(page.getByRole('status').filter({ hasText: '公開しました' }), 'published');
      await expectVisible(page.getByRole('heading', { name: '参加を申し込む' }), 'registration open');
      await expectVisible(page.getByRole('group', { name: '参加のきっかけ' }), 'the extra question on the form');
      await screen('e15-event-published');
    },
  },
];
