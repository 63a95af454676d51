// Journeys through plans (versions, what changed, reviews, publishing, CSV) and indicators,
// each screen checked for accessibility. Run after e2e/journeys.mjs by e2e/run.mjs.
const expectVisible = async (locator, what) => {
  try {
    await locator.first().waitFor({ state: 'visible', timeout: 15_000 });
  } catch {
    throw new Error(`not visible: ${what}`);
  }
};

export const planJourneys = [
  {
    name: 'staff read versions and reviews of the municipal plan, write a review, add an item, see what changed, publish a version',
    async run(page, { base, screen, signIn }) {
      await page.goto(base + '/m/352161/plans');
      await signIn('sanyo-staff');
      await page.getByRole('link', { name: /協創によるまちづくり推進プラン/ }).click();
      await expectVisible(page.getByRole('heading', { name: '公開版' }), 'versions');
      await expectVisible(page.getByRole('rowheader', { name: '第5版' }), 'version 5 in the list');
      await expectVisible(page.getByRole('cell', { name: '令和6年度の進捗を反映' }), 'a version note');
      await expectVisible(page.getByRole('heading', { name: /協創によるまちづくり推進委員会/ }), 'a third-party review');
      await screen('p01-plan-versions-and-reviews');

      // A published version's progress, read-only.
      await page.getByRole('button', { name: '第4版: この版の進捗を見る' }).click();
      await expectVisible(page.getByRole('status').filter({ hasText: '第4版の内容を表示しています' }), 'viewing version 4');
      await expectVisible(page.getByRole('heading', { name: /進捗状況（第4版）/ }), 'progress of version 4');
      if ((await page.locator('select.status[aria-label]').count()) !== 0) throw new Error('a published version must not be editable');
      await screen('p02-plan-version-4');
      await page.getByRole('button', { name: '最新の内容に戻る' }).click();
      await expectVisible(page.locator('select.status[aria-label]'), 'editable statuses of the draft again');

      // A review: field errors next to the fields first, then recorded.
      await page.getByRole('button', { name: '保存する', exact: true }).click();
      await expectVisible(page.locator('#review-summary-error'), 'error next to the summary');
      await expectVisible(page.locator('#review-fiscalYear-error'), 'error next to the fiscal year');
      await screen('p03-review-field-errors');
      await page.selectOption('#review-fiscalYear', { label: '令和8年度' });
      await page.selectOption('#review-kind', 'MUTUAL');
      await page.fill('#review-evaluator', 'E2E 本山地区ふるさとづくり協議会');
      await page.fill('#review-summary', 'E2E 後期プランに向けた地区別の対話が始まった。');
      await page.fill('#review-findings', '若い世代の参加が少ない。');
      await page.fill('#review-nextActions', '地区別の対話の場を計画に加える。');
      await page.getByRole('button', { name: '保存する', exact: true }).click();
      await expectVisible(page.getByRole('status').filter({ hasText: 'ふりかえりを記録しました' }), 'review recorded');
      await expectVisible(page.getByRole('heading', { name: /令和8年度 相互評価（E2E 本山地区ふるさとづくり協議会）/ }), 'the new review listed');
      await screen('p04-review-recorded');

      // A change to publish: a new item under the tree, its code generated.
      await page.fill('#item-title', 'E2E 地区別の対話の場');
      await page.getByRole('button', { name: '項目を追加する' }).click();
      await expectVisible(page.getByRole('status').filter({ hasText: '項目を追加しました' }), 'item added');
      await expectVisible(page.getByRole('rowheader', { name: /E2E 地区別の対話の場/ }), 'the new item in the tree');

      // What publishing now would change: version 5 → draft.
      await page.selectOption('#diff-from', { label: '第5版' });
      await page.selectOption('#diff-to', 'draft');
      await page.getByRole('button', { name: '変更点を表示する' }).click();
      await expectVisible(page.getByRole('heading', { name: /追加された項目/ }), 'added items in the diff');
      await expectVisible(page.locator('.diff li', { hasText: 'E2E 地区別の対話の場' }), 'the new item in the diff');
      await screen('p05-what-changed');

      // Publish with a note; the new version is listed.
      await page.fill('#publish-note', 'E2E 地区別の対話の場を追加');
      await page.getByRole('button', { name: '新しい版として公開する' }).click();
      await expectVisible(page.getByRole('status').filter({ hasText: '第6版を公開しました' }), 'published');
      await expectVisible(page.getByRole('rowheader', { name: '第6版' }), 'version 6 listed');
      await expectVisible(page.getByRole('cell', { name: 'E2E 地区別の対話の場を追加' }), 'the note of version 6');
      await screen('p06-version-published');

      // A rejected CSV: each bad row and column listed next to the file input, nothing changed.
      await page.getByLabel('取り込む CSV ファイル').setInputFiles({
        name: 'items.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from('コード,親コード,項目名\r\nI,,協創への関心を高める\r\nX,Z,\r\n', 'utf8'),
      });
      await page.getByRole('button', { name: 'CSV を取り込む' }).click();
      await expectVisible(page.locator('.csv-errors li'), 'bad rows listed');
      const listed = await page.locator('.csv-errors li').allTextContents();
      if (!listed.some((l) => l.includes('3'))) throw new Error(`row 3 not named: ${listed.join(' / ')}`);
      await screen('p07-csv-rejected');
    },
  },
  {
    name: 'staff create a plan (errors next to the fields first), add an item, and set an indicator target',
    async run(page, { base, screen, signIn }) {
      await page.goto(base + '/m/352161/plans');
      await signIn('sanyo-staff');
      await page.getByRole('link', { name: /計画をつくる/ }).click();
      await expectVisible(page.getByRole('heading', { name: /計画をつくる/ }), 'plan form');
      const endOptions = await page.locator('#plan-endFiscalYear option').allTextContents();
      await page.selectOption('#plan-endFiscalYear', { index: 0 });
      await page.getByRole('button', { name: '作成する' }).click();
      await expectVisible(page.locator('#plan-title-error'), 'error next to the title');
      await expectVisible(page.locator('#plan-endFiscalYear-error'), 'error next to the last year');
      await screen('p08-plan-create-errors');
      await page.fill('#plan-title', 'E2E 地区別 地域づくり計画');
      await page.selectOption('#plan-areaId', { index: 1 });
      await page.selectOption('#plan-endFiscalYear', { label: endOptions[10] });
      await page.fill('#plan-vision', '顔の見える関係で支え合うまち');
      await page.getByRole('button', { name: '作成する' }).click();
      await expectVisible(page.getByRole('heading', { name: 'E2E 地区別 地域づくり計画', level: 1 }), 'the new plan');
      await expectVisible(page.getByText('まだ公開されていません'), 'no versions yet');
      await page.fill('#item-title', 'E2E 見守り活動');
      await page.getByRole('button', { name: '項目を追加する' }).click();
      await expectVisible(page.getByRole('rowheader', { name: /^I E2E 見守り活動/ }), 'the first item, code I generated');
      await screen('p09-plan-created');

      await page.goto(base + '/m/352161/indicators');
      await page.getByRole('link', { name: '協創・協働事業の件数' }).click();
      await expectVisible(page.getByRole('link', { name: /CSV でダウンロード/ }), 'CSV export link');
      const options = await page.locator('#fy option').allTextContents();
      await page.selectOption('#fy', { label: options.at(-1) });
      await page.fill('#target', '１２３４');
      await page.getByRole('button', { name: '保存する' }).click();
      await expectVisible(page.getByRole('status').filter({ hasText: '保存しました' }), 'saved');
      await expectVisible(page.getByRole('cell', { name: /^1,?234$/ }), 'the new target in the table');
      await screen('p10-indicator-target');
    },
  },
];
