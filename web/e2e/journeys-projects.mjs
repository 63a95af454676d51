// Journeys through the co-creation projects (協創の場), each screen checked for accessibility.
const expectVisible = async (locator, what) => {
  try {
    await locator.first().waitFor({ state: 'visible', timeout: 15_000 });
  } catch {
    throw new Error(`not visible: ${what}`);
  }
};

const SANYO = '352161';
const DRILL = '赤崎地区 合同防災訓練';
const LABV = '商工センター再開発（LABV）共同事業体';
const SCHOOL_BOARD = '赤崎小学校 学校運営協議会';
const ACCEPTED_STUDY_MATCH = '2f2367a8-03bc-5033-8073-90a11941f912';

export const projectJourneys = [
  {
    name: 'a partner opens the project list and a project, moves the stage forward with a note and sees the history grow',
    async run(page, { base, screen, signIn }) {
      await page.goto(`${base}/m/${SANYO}`);
      await signIn('sanyo-bousai');
      await page.getByRole('navigation').getByRole('link', { name: '協創の場' }).click();
      await expectVisible(page.getByRole('heading', { name: /協創の場/, level: 1 }), 'project list');
      await expectVisible(page.getByRole('link', { name: DRILL }), 'the drill project in the list');
      await screen('p01-project-list');
      await page.selectOption('#stage', 'ACTION');
      await page.getByRole('button', { name: '検索', exact: true }).click();
      await expectVisible(page.getByText(/^1 件$/), 'one project at ACTION');
      await page.getByRole('link', { name: DRILL }).click();
      await expectVisible(page.getByRole('heading', { name: DRILL, level: 1 }), 'project page');
      await expectVisible(page.getByText('自分たちの地域は自分たちで守る'), 'shared vision');
      await expectVisible(page.getByRole('heading', { name: '山陽小野田市防災士会' }), 'partner');
      const rows = page.locator('[data-testid="stage-history"] tbody tr');
      const before = await rows.count();
      if (before !== 5) throw new Error(`expected 5 stage changes, saw ${before}`);
      await screen('p02-project-page');
      // The note is required: the error appears next to it.
      await page.getByRole('button', { name: '段階を変更する' }).click();
      await expectVisible(page.locator('#stage-note-error'), 'error next to the note');
      if (!(await page.getByLabel(/6\. ふりかえり（次へ進む）/).isChecked())) throw new Error('forward one stage is not preselected');
      await screen('p03-stage-change-error');
      await page.fill('#stage-note', '訓練を終え、参加者アンケートをもとにふりかえり会を開く');
      await page.getByRole('button', { name: '段階を変更する' }).click();
      await expectVisible(page.getByRole('status').filter({ hasText: '段階を変更しました' }), 'stage changed');
      await expectVisible(page.getByRole('cell', { name: '実行 → ふりかえり' }), 'the new step in the history');
      await expectVisible(page.getByRole('cell', { name: '訓練を終え、参加者アンケートをもとにふりかえり会を開く' }), 'the note in the history');
      const after = await rows.count();
      if (after !== before + 1) throw new Error(`the history did not grow: ${before} → ${after}`);
      await expectVisible(page.getByText('現在の段階: 6/6 ふりかえり'), 'the new stage');
      await screen('p04-stage-changed');
    },
  },
  {
    name: 'a partner invites an organisation and its member accepts the invitation',
    async run(page, { base, screen, signIn, newPage }) {
      await page.goto(`${base}/m/${SANYO}/projects`);
      await signIn('sanyo-cci');
      await page.getByRole('link', { name: LABV }).click();
      await expectVisible(page.getByRole('heading', { name: '団体を招待する' }), 'invite form');
      await page.getByRole('button', { name: '招待する', exact: true }).click();
      await expectVisible(page.locator('#invite-organization-error'), 'error next to the organisation');
      await page.selectOption('#invite-organization', { label: SCHOOL_BOARD });
      await page.selectOption('#invite-role', 'SUPPORTER');
      await page.fill('#invite-contribution', '再開発後の施設で子どもの学びの場をつくる相談');
      await page.getByRole('button', { name: '招待する', exact: true }).click();
      await expectVisible(page.getByRole('status').filter({ hasText: `招待しました: ${SCHOOL_BOARD}` }), 'invited');
      const invited = page.getByTestId('partner').filter({ hasText: SCHOOL_BOARD });
      await expectVisible(invited.getByText('招待中'), 'the invited partner with its status');
      await screen('p05-partner-invited');

      const other = await newPage();
      await other.goto(page.url());
      await signIn('sanyo-school', other);
      const card = other.getByTestId('partner').filter({ hasText: SCHOOL_BOARD });
      await expectVisible(card.getByRole('button', { name: '参加する' }), 'accept button for the invited member');
      await card.getByRole('button', { name: '参加する' }).click();
      await expectVisible(card.getByText('参加', { exact: true }), 'the partner is active');
    },
  },
  {
    name: 'a member starts a project from an accepted match, sees field errors, and lands on the new project',
    async run(page, { base, screen, signIn }) {
      await page.goto(`${base}/matches/${ACCEPTED_STUDY_MATCH}`);
      await signIn('sanyo-school');
      await page.getByRole('button', { name: 'このマッチから協創の場をつくる' }).click();
      await expectVisible(page.getByRole('heading', { name: 'このマッチから協創の場をつくる', level: 1 }), 'new project form');
      await page.fill('#vision', '放課後も学べる場を地域でつくる');
      await page.getByRole('button', { name: '登録する' }).click();
      await expectVisible(page.locator('#title-error'), 'error next to the title');
      if ((await page.inputValue('#vision')) !== '放課後も学べる場を地域でつくる') throw new Error('typed input was lost');
      await screen('p06-new-project-errors');
      await page.fill('#title', '放課後学習支援プロジェクト');
      await page.selectOption('#domain', 'EQUAL');
      await page.getByLabel('事業協力').check();
      await page.getByLabel(/公開する/).check();
      await page.getByRole('button', { name: '登録する' }).click();
      await expectVisible(page.getByRole('heading', { name: '放課後学習支援プロジェクト', level: 1 }), 'the new project');
      await expectVisible(page.getByRole('heading', { name: SCHOOL_BOARD }), 'the need side as a partner');
      await expectVisible(page.getByRole('cell', { name: '登録: きっかけ' }), 'first step in the history');
      await screen('p07-project-from-match');
    },
  },
];
