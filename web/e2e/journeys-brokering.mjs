// Journeys through saved searches and brokering (つなぐ): a resident saves a search and hears of a
// new match; a coordinator brokers a match between two organisations and follows it to ACCEPTED;
// staff propose a waiting suggestion from the liaison queue and approve a coordinator. Each screen
// is checked for accessibility.
const expectVisible = async (locator, what) => {
  try {
    await locator.first().waitFor({ state: 'visible', timeout: 15_000 });
  } catch {
    throw new Error(`not visible: ${what}`);
  }
};

const SANYO = '352161';
/** 赤崎地区自治会連合会 (sanyo-owner) and 山陽小野田市防災士会 (sanyo-bousai), of the demo data. */
const AKASAKI = '98699f1f-6961-4302-9d4a-d04687c8d96e';
const BOUSAISHI = '51e1d235-31ca-57e1-b5f6-1b00f7ca172c';
/** The 炊き出し pots suggestion, 30 days old: in the liaison queue. */
const POTS_NEED = '炊き出し訓練の大鍋とコンロ';

const listing = (kind, title, description) => ({
  kind, category: 'GOODS', title, description, themes: ['DISASTER_RELIEF'], areaIds: [],
});

export const brokeringJourneys = [
  {
    name: 'a resident saves a listing search and an event search, hears of a new matching need, and deletes the search on my page',
    async run(page, { base, screen, signIn, apiAs }) {
      const word = `発電機${Date.now() % 100000}`;
      await page.goto(`${base}/m/${SANYO}/listings`);
      await signIn('resident');
      await page.fill('#q', word);
      await page.selectOption('#kind', 'NEED');
      await page.getByRole('button', { name: '検索', exact: true }).click();
      await page.getByRole('button', { name: 'この検索を保存して新着を知らせてもらう' }).click();
      await expectVisible(page.getByText('検索を保存しました'), 'saved');
      await screen('b01-saved-listing-search');
      await page.goto(`${base}/m/${SANYO}/events?kind=WORKSHOP`);
      await page.getByRole('button', { name: 'この検索を保存して新着を知らせてもらう' }).click();
      await expectVisible(page.getByText('検索を保存しました'), 'event search saved');

      const posted = await apiAs('sanyo-owner', 'POST', `/api/v1/organizations/${AKASAKI}/listings`,
        listing('NEED', `避難所用の${word}を借りたい`, '停電時の避難所で使います'));
      const inbox = await apiAs('resident', 'GET', '/api/v1/me/notifications?size=100');
      if (!inbox.items.some((n) => n.kind === 'SAVED_SEARCH_MATCH' && n.listingId === posted.id)) {
        throw new Error('no SAVED_SEARCH_MATCH notification for the new need');
      }

      await page.getByRole('link', { name: 'マイページ' }).click();
      const saved = page.getByRole('region', { name: '保存した検索' });
      await expectVisible(saved.getByRole('link', { name: new RegExp(word) }), 'the saved search on my page');
      await screen('b02-my-saved-searches');
      await saved.getByRole('button', { name: new RegExp(`「有る・無い: ${word}.*」を削除`) }).click();
      await saved.getByRole('link', { name: new RegExp(word) }).waitFor({ state: 'detached', timeout: 15_000 });
    },
  },
  {
    name: 'a coordinator brokers a need and a have of two other organisations; each side accepts and the broker follows it to 成立',
    async run(page, { base, screen, signIn, apiAs }) {
      const stamp = Date.now() % 100000;
      const need = await apiAs('sanyo-owner', 'POST', `/api/v1/organizations/${AKASAKI}/listings`,
        listing('NEED', `投光器を借りたい ${stamp}`, '夜間の避難訓練で使います'));
      const have = await apiAs('sanyo-bousai', 'POST', `/api/v1/organizations/${BOUSAISHI}/listings`,
        listing('HAVE', `投光器 ${stamp} を貸し出せます`, '防災士会の備品です'));
      await page.goto(`${base}/m/${SANYO}`);
      await signIn('sanyo-center');
      await page.getByRole('link', { name: 'つなぐ（職員・コーディネーター）' }).click();
      await expectVisible(page.getByRole('heading', { name: /つなぐ/, level: 1 }), 'the broker screen');
      await expectVisible(page.getByRole('heading', { name: 'つないだマッチの進み具合' }), 'progress of brokered matches');
      await expectVisible(page.getByRole('link', { name: /通院と買い物の送迎/ }), 'the demo brokered match');
      await screen('b03-broker-screen');
      await page.selectOption('#broker-need', need.id);
      await page.selectOption('#broker-have', have.id);
      await page.fill('#broker-message', '夜間訓練にちょうど合いそうです');
      await page.getByRole('button', { name: '提案する', exact: true }).click();
      await page.getByRole('link', { name: 'マッチを開く' }).click();
      await expectVisible(page.getByText(/つなぎ役:/), 'the broker named on the match');
      await expectVisible(page.getByText(/無いの側: 回答待ち／有るの側: 回答待ち/), 'both sides waiting');
      await screen('b04-brokered-match');
      const matchId = page.url().split('/matches/')[1];
      await apiAs('sanyo-owner', 'POST', `/api/v1/matches/${matchId}/acceptance`, {});
      await page.reload();
      await expectVisible(page.getByText(/無いの側: 承諾済み／有るの側: 回答待ち/), 'one side accepted');
      const done = await apiAs('sanyo-bousai', 'POST', `/api/v1/matches/${matchId}/acceptance`, {});
      if (done.status !== 'ACCEPTED' || !done.needContact) throw new Error(`not agreed: ${done.status}`);
      await page.goto(`${base}/m/${SANYO}/brokering`);
      const card = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: new RegExp(`投光器を借りたい ${stamp}`) }) });
      await expectVisible(card.getByText('成立'), 'the brokered match ACCEPTED in the progress list');
    },
  },
  {
    name: 'staff propose a waiting suggestion from the liaison queue in one step and approve a coordinator',
    async run(page, { base, screen, signIn }) {
      await page.goto(`${base}/m/${SANYO}/staff`);
      await signIn('sanyo-staff');
      await page.getByRole('link', { name: /つなぐ：/ }).click();
      const queue = page.getByRole('region', { name: /地域担当の確認待ち/ });
      await expectVisible(queue.getByRole('link', { name: POTS_NEED }), 'the 30-day-old suggestion in the queue');
      await screen('b05-liaison-queue');
      const item = queue.getByRole('listitem').filter({ has: page.getByRole('link', { name: POTS_NEED }) });
      await item.getByRole('button', { name: 'この組み合わせを提案する' }).click();
      await queue.getByRole('link', { name: POTS_NEED }).waitFor({ state: 'detached', timeout: 15_000 });
      const progress = page.getByRole('region', { name: 'つないだマッチの進み具合' });
      await expectVisible(progress.getByRole('link', { name: new RegExp(POTS_NEED) }), 'the proposal among brokered matches');
      const coordinators = page.getByRole('region', { name: 'コーディネーター（中間支援組織）' });
      await expectVisible(coordinators.getByText('承認済み'), 'the approved 市民活動センター');
      await screen('b06-coordinators');
    },
  },
];
