// The journeys a person takes through Kyoso, each checked for accessibility on every screen.
const expectVisible = async (locator, what) => {
  try {
    await locator.first().waitFor({ state: 'visible', timeout: 15_000 });
  } catch {
    throw new Error(`not visible: ${what}`);
  }
};

export const journeys = [
  {
    name: 'a resident browses municipalities, organisations and areas without signing in',
    async run(page, { base, screen }) {
      await page.goto(base + '/');
      await expectVisible(page.getByRole('link', { name: '山陽小野田市' }), 'municipality list');
      await screen('01-home');
      await page.getByRole('link', { name: '山陽小野田市' }).click();
      await expectVisible(page.getByRole('heading', { name: /山陽小野田市の協創のまちづくり/ }), 'municipality home');
      await expectVisible(page.getByRole('link', { name: /協創によるまちづくり推進プラン/ }), 'plan progress on the home page');
      await expectVisible(page.locator('.badge').filter({ hasText: /達成|順調|遅れ|データなし/ }), 'indicator badges on the home page');
      await screen('02-municipality-home');
      await page.getByRole('navigation').getByRole('link', { name: '団体' }).click();
      await page.fill('#q', '防災');
      await page.getByRole('button', { name: '検索', exact: true }).click();
      await expectVisible(page.getByRole('link', { name: '赤崎地区自治会連合会' }), 'search result for 防災');
      await screen('03-organization-search');
      await page.getByRole('link', { name: '赤崎地区自治会連合会' }).click();
      await expectVisible(page.getByText('連絡先は団体のメンバーと自治体職員にだけ表示されます'), 'contact hidden');
      await screen('04-organization-page-anonymous');
      await page.goto(base + '/m/352161/areas');
      await expectVisible(page.getByRole('heading', { name: /赤崎地区/ }), 'area tree');
      await screen('05-areas');
    },
  },
  {
    name: 'an owner signs in, sees contacts, registers an organisation and gets field errors without losing input',
    async run(page, { base, screen, signIn }) {
      await page.goto(base + '/m/352161/organizations');
      await signIn('sanyo-owner');
      await page.getByRole('link', { name: 'マイページ' }).click();
      await expectVisible(page.getByRole('link', { name: '赤崎地区自治会連合会' }), 'my organisations');
      await screen('06-my-page');
      await page.getByRole('link', { name: '赤崎地区自治会連合会' }).click();
      await expectVisible(page.getByRole('heading', { name: '連絡先' }), 'organisation page');
      await expectVisible(page.locator('a[href^="mailto:"]'), 'contact visible to a member');
      await page.goto(base + '/m/352161/organizations/new');
      await page.fill('#nameKana', 'あかさきかだんのかい');
      await page.fill('#website', 'not a url');
      await page.getByRole('button', { name: '保存する' }).click();
      await expectVisible(page.locator('#name-error'), 'error next to the name');
      await expectVisible(page.locator('#website-error'), 'error next to the website');
      if ((await page.inputValue('#nameKana')) !== 'あかさきかだんのかい') throw new Error('typed input was lost');
      await screen('07-organization-form-errors');
      await page.fill('#name', '赤崎花壇の会');
      await page.fill('#website', 'https://kadan.example.jp');
      await page.getByLabel('環境保全').check();
      await page.getByRole('button', { name: '保存する' }).click();
      await expectVisible(page.getByText('この団体は自治体職員の承認待ちです'), 'pending notice');
      await screen('08-organization-registered');
    },
  },
  {
    name: 'staff approve a pending organisation and read the audit log',
    async run(page, { base, screen, signIn }) {
      await page.goto(base + '/m/352161');
      await signIn('sanyo-staff');
      await page.getByRole('link', { name: '職員コンソール' }).click();
      await expectVisible(page.getByRole('heading', { name: '承認待ちの団体' }), 'staff console');
      const pending = page.locator('.card').filter({ has: page.getByRole('button', { name: /承認する/ }) });
      await expectVisible(pending, 'a pending organisation');
      const name = (await pending.first().locator('h3').innerText()).trim();
      await screen('09-staff-console');
      await pending.first().getByRole('button', { name: /承認する/ }).click();
      await page.locator('.card h3', { hasText: name }).waitFor({ state: 'detached', timeout: 15_000 });
      await expectVisible(page.getByRole('cell', { name: 'organization.approve' }), 'approval in the audit log');
    },
  },
  {
    name: 'the directory works on a 360 px wide phone and in English',
    viewport: { width: 360, height: 740 },
    async run(page, { base, screen }) {
      await page.goto(base + '/m/352039/organizations');
      await expectVisible(page.locator('.card h3 a'), 'organisations on a phone');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
      if (overflow) throw new Error('the page scrolls sideways at 360 px');
      await screen('10-directory-phone');
      await page.getByRole('button', { name: 'English' }).click();
      await expectVisible(page.getByRole('button', { name: 'Search' }), 'English labels');
      if ((await page.getAttribute('html', 'lang')) !== 'en') throw new Error('lang attribute not switched');
      await screen('11-directory-english');
    },
  },
  {
    name: 'staff update a plan item status and the progress table changes',
    async run(page, { base, screen, signIn }) {
      await page.goto(base + '/m/352161/plans');
      await signIn('sanyo-staff');
      await page.getByRole('link', { name: /協創によるまちづくり推進プラン/ }).click();
      await expectVisible(page.getByRole('heading', { name: '進捗状況' }), 'progress table');
      const doneCell = page.locator('td[data-status="DONE"]');
      await expectVisible(doneCell, 'overall DONE figures');
      const before = Number((await doneCell.innerText()).split('（')[0]);
      await screen('12-plan-progress');
      const selects = page.locator('select.status[aria-label]');
      const count = await selects.count();
      let changed = false;
      for (let i = 0; i < count && !changed; i++) {
        if ((await selects.nth(i).inputValue()) !== 'DONE') {
          await selects.nth(i).selectOption('DONE');
          changed = true;
        }
      }
      if (!changed) throw new Error('no item left to mark DONE');
      await page.getByRole('button', { name: /進捗を保存する/ }).click();
      await expectVisible(page.getByRole('status').filter({ hasText: '保存しました' }), 'saved');
      await page.waitForFunction(
        (b) => Number(document.querySelector('td[data-status="DONE"]')?.textContent?.split('（')[0]) === b + 1,
        before,
        { timeout: 15_000 },
      );
      await screen('13-plan-progress-updated');
    },
  },
  {
    name: 'staff enter an indicator actual and the chart and badge follow',
    async run(page, { base, screen, signIn }) {
      await page.goto(base + '/m/352161/indicators');
      await signIn('sanyo-staff');
      await expectVisible(page.locator('.badge'), 'status badges');
      await screen('14-indicators');
      await page.getByRole('link', { name: '協創・協働事業の件数' }).click();
      await expectVisible(page.locator('canvas[role="img"]'), 'indicator chart');
      const badgeBefore = await page.getByTestId('indicator-status').innerText();
      await screen('15-indicator');
      const options = await page.locator('#fy option').allTextContents();
      await page.selectOption('#fy', { label: options.at(-1) });
      await page.fill('#actual', '９９９');
      await page.getByRole('button', { name: '保存する' }).click();
      await expectVisible(page.getByRole('status').filter({ hasText: '保存しました' }), 'saved');
      await expectVisible(page.getByRole('cell', { name: '999', exact: true }), 'the new actual in the table');
      const badgeAfter = await page.getByTestId('indicator-status').innerText();
      if (!/達成|順調|遅れ|データ/.test(badgeAfter)) throw new Error(`unexpected badge ${badgeAfter} (was ${badgeBefore})`);
      await screen('16-indicator-updated');
    },
  },
  {
    name: 'a need finds a have with reasons, is proposed, accepted by the other side, and contacts appear',
    async run(page, { base, screen, signIn, apiAs, newPage }) {
      // Set-up through the API: a business that has cardboard beds, approved by staff.
      const partner = 'e2e-partner-' + Date.now();
      const org = await apiAs(partner, 'POST', '/api/v1/municipalities/352161/organizations', {
        type: 'BUSINESS', bond: 'THEMATIC', name: 'E2E段ボール工業', description: '段ボール製品の製造',
        themes: ['DISASTER_RELIEF'], areaIds: [],
        contact: { name: '段ボール 太郎', email: 'danbo@example.jp', phone: '0836-00-1111' },
      });
      await apiAs('sanyo-staff', 'POST', `/api/v1/organizations/${org.id}/approval`);
      await apiAs(partner, 'POST', `/api/v1/organizations/${org.id}/listings`, {
        kind: 'HAVE', category: 'GOODS', title: '避難所用の段ボールベッドを貸し出します',
        description: '地区の防災訓練や避難所で使える段ボールベッドを30台お貸しします', themes: ['DISASTER_RELIEF'],
        areaIds: [], quantity: 30, unit: '台',
      });

      // The neighbourhood association posts its need in the browser.
      await page.goto(base + '/m/352161');
      await signIn('sanyo-owner');
      await page.getByRole('link', { name: 'マイページ' }).click();
      await page.getByRole('link', { name: '赤崎地区自治会連合会' }).click();
      await page.getByRole('link', { name: '有る・無いを投稿する' }).click();
      await page.getByLabel('無い（求めているもの）').check();
      await page.selectOption('#category', 'GOODS');
      await page.fill('#title', '避難所の段ボールベッドが足りません');
      await page.fill('#description', '地区防災訓練と避難所の開設に使う段ボールベッドを探しています');
      await page.fill('#quantity', '２０');
      await page.getByLabel('防災・災害救援').check();
      await screen('17-post-need');
      await page.getByRole('button', { name: '投稿する' }).click();
      await expectVisible(page.getByRole('heading', { name: 'この「無い」に合う「有る」' }), 'suggestions');
      const card = page.locator('.card').filter({ hasText: '避難所用の段ボールベッドを貸し出します' });
      await expectVisible(card, 'the matching have');
      await expectVisible(card.locator('.chip'), 'reasons');
      await screen('18-need-with-suggestions');
      await page.fill('#proposal-message', '訓練で使わせてください');
      await card.getByRole('button', { name: /マッチングを提案する/ }).click();
      await expectVisible(page.getByText('連絡先は双方が承諾した後に表示されます'), 'contacts hidden before acceptance');
      await screen('19-match-proposed');

      // The business accepts in its own browser and both see each other's contacts.
      const other = await newPage();
      await other.goto(base + '/m/352161');
      await signIn(partner, other);
      await other.getByRole('link', { name: 'お知らせ' }).click();
      await other.locator('.card a[href^="/matches/"]').first().click();
      await other.getByRole('button', { name: '承諾する' }).click();
      await expectVisible(other.getByTestId('match-contact'), 'contacts after acceptance (have side)');
      await page.reload();
      await expectVisible(page.getByTestId('match-contact').filter({ hasText: 'danbo@example.jp' }), 'the partner\'s contact (need side)');
      await screen('20-match-accepted');
      await page.getByRole('link', { name: 'お知らせ' }).click();
      await expectVisible(page.getByText(/承諾/), 'the acceptance in the inbox');
      await screen('20b-inbox');
      await page.goto(base + '/m/352161/listings?q=段ボール');
      await expectVisible(page.getByRole('link', { name: '避難所用の段ボールベッドを貸し出します' }), 'the board finds the have');
      await screen('20c-listing-board');
    },
  },
  {
    name: 'staff add an area with its profile, fixing a wrong figure, and see their staff list',
    async run(page, { base, screen, signIn }) {
      await page.goto(base + '/m/352161/areas');
      await signIn('sanyo-manager');
      await page.getByRole('button', { name: '地域を追加する' }).click();
      await page.fill('#new-area-name', 'E2E新町');
      await page.selectOption('#new-area-kind', 'NEIGHBOURHOOD');
      await page.selectOption('#new-area-parentId', { label: '赤崎地区' });
      await page.fill('#new-area-population', '１，２００');
      await page.fill('#new-area-aged65Share', '120');
      await page.getByRole('button', { name: '保存する' }).click();
      await expectVisible(page.locator('#new-area-aged65Share-error'), 'error next to the share');
      if ((await page.inputValue('#new-area-name')) !== 'E2E新町') throw new Error('typed input was lost');
      await screen('21-area-form-error');
      await page.fill('#new-area-aged65Share', '３１．５');
      await page.getByRole('button', { name: '保存する' }).click();
      await expectVisible(page.getByRole('heading', { name: /E2E新町/ }), 'the new area in the tree');
      await expectVisible(page.getByText(/1,200/), 'its population');
      await screen('22-area-added');
      await page.getByRole('button', { name: /編集する.*E2E新町/ }).click();
      const liaisonForm = page.locator('form').filter({ hasText: 'E2E新町 — 地域担当職員' });
      await liaisonForm.getByLabel('職員', { exact: true }).selectOption({ label: '厚狭 恵（地域担当職員）' });
      await liaisonForm.getByLabel('開始日').fill('2026-04-01');
      await liaisonForm.getByRole('button', { name: '担当に任命する' }).click();
      await expectVisible(liaisonForm.getByText(/厚狭 恵（地域担当職員）（つなぐ・令和8年4月1日〜/), 'the liaison on the area, its start in 和暦');
      await screen('22b-area-liaison');
      await page.getByRole('link', { name: '職員コンソール' }).click();
      await expectVisible(page.getByRole('cell', { name: 'sanyo-staff@kyoso.example' }), 'staff list');
      await screen('23-staff-list');
    },
  },
  {
    name: 'an owner invites an editor who joins with the code',
    async run(page, { base, screen, signIn, newPage }) {
      await page.goto(base + '/m/352161');
      await signIn('sanyo-owner');
      await page.getByRole('link', { name: 'マイページ' }).click();
      await page.getByRole('link', { name: '赤崎地区自治会連合会' }).click();
      await page.getByRole('button', { name: '編集者を招待する' }).click();
      const code = (await page.getByTestId('invitation-code').first().innerText()).trim();
      await screen('24-members-and-invitations');
      const invitee = await newPage();
      await invitee.goto(base + '/m/352161');
      await signIn('e2e-invitee-' + Date.now(), invitee);
      await invitee.getByRole('link', { name: 'マイページ' }).click();
      await invitee.fill('#invitation', code);
      await invitee.getByRole('button', { name: '参加する' }).click();
      await expectVisible(invitee.getByRole('link', { name: '赤崎地区自治会連合会' }), 'the joined organisation on my page');
      await page.reload();
      await expectVisible(page.getByRole('cell', { name: /^e2e-invitee-/ }), 'the new member in the list');
    },
  },
];
