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
const CODE = /^[2-9A-Z]{4}-[2-9A-Z]{4}$/;
const hoursFromNow = (h) => new Date(Date.now() + h * 3_600_000).toISOString();

/**
 * Set-up through the API: staff of 山陽小野田市 create a municipal event and publish it. Each
 * journey makes its own, so none depends on another's leftovers or on the clock's date.
 */
async function publishedEvent(apiAs, event) {
  const created = await apiAs('sanyo-staff', 'POST', `/api/v1/municipalities/${SANYO}/events`, {
    kind: 'WORKSHOP',
    mode: 'IN_PERSON',
    venue: { name: '須恵公民館', address: '山口県山陽小野田市大字東須恵' },
    areaIds: [],
    ...event,
  });
  return apiAs('sanyo-staff', 'POST', `/api/v1/events/${created.id}/publication`);
}

const register = (apiAs, username, eventId, answers = []) =>
  apiAs(username, 'POST', `/api/v1/events/${eventId}/registrations`, { answers });

/** The figures of one fiscal year's row of the dashboard's table, by column header. */
async function yearRow(page, label) {
  const table = page.getByTestId('participation-years');
  await expectVisible(table, 'the table by fiscal year');
  const headers = await table.locator('thead th').allTextContents();
  const row = table.locator('tbody tr').filter({ has: page.getByRole('rowheader', { name: label, exact: true }) });
  const cells = [label, ...(await row.locator('td').allTextContents())];
  return Object.fromEntries(headers.map((h, i) => [h, Number((cells[i] ?? '').replace(/[^0-9]/g, ''))]));
}

const CAFE = '協創カフェ 第1回「まちの困りごとを話そう」';
const AFFILIATION = {
  key: 'affiliation', kind: 'SINGLE_CHOICE', label: 'ご所属', required: true,
  options: ['企業・事業者', '市民活動団体・NPO', '自治会・地域団体', '個人'],
};

export const eventJourneys = [
  {
    name: 'a resident finds an event in the list and the month calendar, registers answering the required question, sees the code and its QR, and cancels',
    async run(page, { base, screen, signIn, apiAs }) {
      const cafe = await publishedEvent(apiAs, {
        kind: 'DIALOGUE', title: CAFE, startsAt: '2027-02-20T10:00:00+09:00', endsAt: '2027-02-20T12:00:00+09:00',
        capacity: 30, questions: [AFFILIATION, { key: 'question', kind: 'TEXT', label: '話したいこと', required: false }],
      });
      await page.goto(`${base}/m/${SANYO}`);
      await signIn('resident');
      await page.getByRole('navigation').getByRole('link', { name: 'イベント' }).click();
      await expectVisible(page.getByRole('heading', { name: /イベント/, level: 1 }), 'events page');
      await expectVisible(page.getByTestId('event-card'), 'an event in the list');
      await screen('e01-event-list');
      await page.selectOption('#kind', 'DIALOGUE');
      await page.fill('#q', '協創カフェ');
      await page.getByRole('button', { name: '検索', exact: true }).click();
      await expectVisible(page.getByRole('link', { name: CAFE }), 'the café among the dialogues');
      await page.getByRole('link', { name: 'カレンダー', exact: true }).click();
      await expectVisible(page.getByRole('table', { name: /令和\d+年\d+月/ }), 'the month calendar');
      const url = new URL(page.url());
      url.searchParams.set('month', '2027-02');
      await page.goto(url.toString());
      const calendar = page.getByRole('table', { name: '令和9年2月' });
      await expectVisible(calendar, 'February 2027 in its era');
      const day = calendar.locator('td[data-date="2027-02-20"]');
      await expectVisible(day.getByRole('link', { name: `10:00 ${CAFE}` }), 'the café on 20 February at 10:00 Japan time');
      await screen('e02-event-calendar');
      await page.selectOption('#week-start', 'mon');
      const firstHeader = await calendar.locator('thead th').first().textContent();
      if (!firstHeader?.startsWith('月')) throw new Error(`the week does not start on Monday: ${firstHeader}`);

      await day.getByRole('link', { name: `10:00 ${CAFE}` }).click();
      await expectVisible(page.getByRole('heading', { name: CAFE, level: 1 }), 'event page');
      await expectVisible(page.getByText('令和9年2月20日(土) 10:00〜12:00'), 'when, in Japan time with its era');
      const ics = page.getByRole('link', { name: 'カレンダーに追加（.ics）' });
      if ((await ics.getAttribute('href')) !== `/api/v1/events/${cafe.id}.ics`) throw new Error('no .ics link');
      await expectVisible(page.getByRole('heading', { name: '参加を申し込む' }), 'the registration form');
      await page.getByRole('button', { name: '申し込む', exact: true }).click();
      await expectVisible(page.locator('#answer-affiliation-error'), 'error next to the required question');
      await screen('e03-register-errors');
      await page.getByLabel('個人', { exact: true }).check();
      await page.fill('#answer-question', '空き家の活用について');
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
      const after = await apiAs('sanyo-staff', 'GET', `/api/v1/events/${cafe.id}`);
      if (after.counts.registered !== 0) throw new Error(`the cancelled seat is still counted: ${after.counts.registered}`);
      await page.getByRole('link', { name: 'マイページ' }).click();
      await expectVisible(page.getByRole('heading', { name: '申し込んだイベント' }), 'my events on my page');
      await expectVisible(page.getByRole('link', { name: CAFE }), 'the café among my events');
    },
  },
  {
    name: 'a guest registers without an account where the event allows it',
    async run(page, { base, screen, apiAs }) {
      const talk = await publishedEvent(apiAs, {
        kind: 'AREA_MEETING', title: '須恵地区 まちの縁側トーク', startsAt: '2027-03-06T14:00:00+09:00', guestsAllowed: true,
      });
      await page.goto(`${base}/events/${talk.id}`);
      await expectVisible(page.getByRole('heading', { name: 'アカウントなしで申し込む' }), 'the guest form');
      await page.getByRole('button', { name: '申し込む', exact: true }).click();
      await expectVisible(page.locator('#guest-name-error'), 'error next to the name');
      await page.fill('#guest-name', '須恵 太郎');
      await page.fill('#guest-email', 'sue-taro@example.jp');
      await page.getByRole('button', { name: '申し込む', exact: true }).click();
      await expectVisible(page.getByTestId('my-code'), 'the guest’s code');
      await screen('e05-guest-registered');
    },
  },
  {
    name: 'a full event waitlists a new registration, and the waitlist moves up in order when a seat frees',
    async run(page, { base, screen, signIn, newPage, apiAs }) {
      const full = await publishedEvent(apiAs, {
        title: '須恵地区ワークショップ「雨の日の居場所をつくる」', startsAt: '2027-01-23T10:00:00+09:00', capacity: 3, heldSeats: 1,
      });
      const first = await register(apiAs, 'sanyo-editor', full.id);
      await register(apiAs, 'sanyo-owner', full.id);
      await page.goto(`${base}/events/${full.id}`);
      await signIn('sanyo-cci');
      await expectVisible(page.getByText('満席（キャンセル待ちで申し込めます）').first(), 'the event is full (one seat held back)');
      await page.getByRole('button', { name: '申し込む', exact: true }).click();
      await expectVisible(page.getByText('キャンセル待ち 1 番目'), 'first on the waitlist');
      await expectVisible(page.getByTestId('my-registration-status').filter({ hasText: 'キャンセル待ち' }), 'waitlisted');
      await screen('e06-waitlisted');
      const second = await register(apiAs, 'sanyo-school', full.id);
      if (second.status !== 'WAITLISTED' || second.waitlistPosition !== 2) throw new Error(`not second on the waitlist: ${JSON.stringify(second)}`);

      // Someone holding a seat cancels: the first waiting moves up, the second becomes first.
      await apiAs('sanyo-editor', 'DELETE', `/api/v1/events/${full.id}/registrations/${first.id}`);
      await page.reload();
      await expectVisible(page.getByTestId('my-registration-status').filter({ hasText: '申込済み' }), 'promoted from the waitlist');
      await expectVisible(page.getByTestId('my-code'), 'the promoted person’s code');

      const staff = await newPage();
      await staff.goto(`${base}/events/${full.id}`);
      await signIn('sanyo-staff', staff);
      await staff.getByRole('link', { name: '申込者一覧' }).click();
      await expectVisible(staff.getByRole('heading', { name: 'キャンセル待ち' }), 'the waitlist');
      const holders = staff.getByRole('table', { name: '申込者' }).locator('tbody tr');
      const waiting = staff.getByRole('table', { name: 'キャンセル待ち' }).locator('tbody tr');
      await expectVisible(waiting, 'the one still waiting');
      if ((await holders.count()) !== 2 || (await waiting.count()) !== 1) {
        throw new Error(`expected 2 seats and 1 waiting, saw ${await holders.count()} and ${await waiting.count()}`);
      }
      if ((await waiting.locator('td').first().textContent()) !== '1') throw new Error('the waitlist is not numbered from 1');
      const csv = staff.getByRole('link', { name: 'CSV をダウンロード（Excel 向け）' });
      if ((await csv.getAttribute('href')) !== `/api/v1/events/${full.id}/registrations.csv`) throw new Error('no CSV link');
      await screen('e07-registrations-waitlist', staff);
    },
  },
  {
    name: 'an organiser checks a person in by typed code on a 360 px phone',
    viewport: { width: 360, height: 740 },
    async run(page, { base, screen, signIn, apiAs }) {
      const now = await publishedEvent(apiAs, {
        kind: 'AREA_MEETING', title: '埴生地区 エリアミーティング', startsAt: hoursFromNow(-0.5), endsAt: hoursFromNow(1.5), capacity: 20,
      });
      const person = await register(apiAs, 'resident', now.id);
      await page.goto(`${base}/events/${now.id}`);
      await signIn('sanyo-staff');
      await page.getByRole('link', { name: '当日受付' }).click();
      await expectVisible(page.getByRole('heading', { name: '当日受付', level: 1 }), 'the check-in screen');
      await expectVisible(page.getByText('受付済み 0 / 申込 1'), 'the tally');
      await screen('e08-check-in-360');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      if (overflow > 0) throw new Error(`the check-in screen is wider than the phone by ${overflow}px`);
      // Typed as on a phone: lower case, no hyphen.
      await page.fill('#check-in-code', person.code.replace('-', '').toLowerCase());
      await page.getByRole('button', { name: '受付する' }).click();
      await expectVisible(page.getByRole('status').filter({ hasText: `受付しました: ${person.name}（${person.code}）` }), 'checked in');
      await expectVisible(page.getByText('受付済み 1 / 申込 1'), 'the tally grew');
      if ((await page.inputValue('#check-in-code')) !== '') throw new Error('the field is not ready for the next person');
      await page.fill('#check-in-code', person.code);
      await page.getByRole('button', { name: '受付する' }).click();
      await expectVisible(page.getByRole('alert').filter({ hasText: '既に受付済みです' }), 'a second check-in is refused');
      await screen('e09-checked-in-360');
    },
  },
  {
    name: 'an organiser closes an event with a report and the participation dashboard changes',
    async run(page, { base, screen, signIn, apiAs }) {
      // Under way: it has started (so it can be closed) and takes registrations until it ends.
      const held = await publishedEvent(apiAs, {
        kind: 'WORKSHOP', title: '厚狭地区ワークショップ「朝市のこれから」', startsAt: hoursFromNow(-1), endsAt: hoursFromNow(1), capacity: 40,
      });
      const came = await register(apiAs, 'resident', held.id);
      await apiAs('sanyo-staff', 'POST', `/api/v1/events/${held.id}/check-ins`, { code: came.code });
      await register(apiAs, 'sanyo-owner', held.id);
      const fiscalYear = (await apiAs('sanyo-staff', 'GET', `/api/v1/events/${held.id}`)).fiscalYearLabel;
      await page.goto(`${base}/m/${SANYO}/participation`);
      await expectVisible(page.getByRole('heading', { name: /参加の広がり/, level: 1 }), 'the dashboard');
      const before = await yearRow(page, fiscalYear);
      await screen('e10-participation-before');
      await signIn('sanyo-staff');
      await page.goto(`${base}/events/${held.id}`);
      await page.getByRole('link', { name: '報告をまとめて終了する' }).click();
      await expectVisible(page.getByRole('heading', { name: '開催報告', level: 1 }), 'the report form');
      const prefilled = await page.inputValue('#attendeeCount');
      if (prefilled !== '1') throw new Error(`attendees not pre-filled from the one check-in: ${prefilled}`);
      await page.fill('#walkIns', '三');
      await page.getByRole('button', { name: '報告を保存して終了する' }).click();
      await expectVisible(page.locator('#walkIns-error'), 'error next to the walk-ins');
      await page.fill('#walkIns', '３');
      await page.fill('#publicSummary', '朝市の出店者と買い物客が集まり、来年度の開催日を決めました。');
      await page.fill('#summary', '出店希望 5 件。駐車場の確保が課題。');
      await screen('e11-close-form');
      await page.getByRole('button', { name: '報告を保存して終了する' }).click();
      await expectVisible(page.getByRole('heading', { name: '開催報告', level: 2 }), 'the report on the event page');
      await expectVisible(page.getByText('来年度の開催日を決めました'), 'the public summary');
      await screen('e12-closed-event');
      await page.goto(`${base}/m/${SANYO}/participation`);
      const after = await yearRow(page, fiscalYear);
      const key = '報告の参加者数';
      if (after[key] !== before[key] + 3) throw new Error(`the reported headcount did not grow by the 3 walk-ins: ${before[key]} → ${after[key]}`);
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
