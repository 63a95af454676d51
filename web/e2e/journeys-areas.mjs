// Journeys through the area profile (地域カルテ): staff import the standard 地域・年齢別人口 CSV
// and see the population pyramid and the trend and outlook change; the profile, the activity
// section and the open-data page are checked for accessibility.
const expectVisible = async (locator, what) => {
  try {
    await locator.first().waitFor({ state: 'visible', timeout: 15_000 });
  } catch {
    throw new Error(`not visible: ${what}`);
  }
};

const SANYO = '352161';
const BANDS = ['0-4歳', '5-9歳', '10-14歳', '15-19歳', '20-24歳', '25-29歳', '30-34歳', '35-39歳', '40-44歳', '45-49歳',
  '50-54歳', '55-59歳', '60-64歳', '65-69歳', '70-74歳', '75-79歳', '80-84歳', '85歳以上'];

/** A 地域・年齢別人口 file of one area: each band holds `male` men and `female` women. */
function populationCsv(area, date, male, female) {
  const header = ['調査年月日', '地域名', '総人口', '男性', '女性',
    ...BANDS.flatMap((b) => [`${b}の男性`, `${b}の女性`]), '世帯数'];
  const row = [date, area, 18 * (male + female), 18 * male, 18 * female,
    ...BANDS.flatMap(() => [male, female]), 150];
  return `${header.join(',')}\r\n${row.join(',')}\r\n`;
}

export const areaJourneys = [
  {
    name: 'staff import a population CSV on an area profile and see the pyramid and the outlook change',
    async run(page, { base, screen, signIn, apiAs }) {
      const name = `カルテ地区${Date.now()}`;
      const area = await apiAs('sanyo-staff', 'POST', `/api/v1/municipalities/${SANYO}/areas`, { kind: 'OTHER', name });
      await page.goto(`${base}/m/${SANYO}/areas/${area.id}`);
      await signIn('sanyo-staff');
      await expectVisible(page.getByRole('heading', { name: `${name}の地域カルテ`, level: 1 }), 'the area profile');
      await expectVisible(page.getByText('年齢別の人口はまだありません。'), 'no pyramid before the import');
      await expectVisible(page.getByRole('heading', { name: '地域での共創の活動' }), 'the activity section');
      await screen('a01-area-profile-empty');
      const before = await page.getByRole('row').count();

      await page.getByLabel('CSV ファイル').setInputFiles({
        name: 'population.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(populationCsv(name, '2025-10-01', 10, 12), 'utf8'),
      });
      await page.getByRole('button', { name: 'CSV を取り込む' }).click();
      await expectVisible(page.getByRole('img', { name: `${name}の人口ピラミッド` }), 'the pyramid chart');
      await expectVisible(page.getByRole('img', { name: new RegExp(`${name}の人口の推移`) }), 'the trend and outlook chart');
      const band = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: '85歳以上', exact: true }) });
      const cells = await band.locator('td').allTextContents();
      if (cells[0]?.trim() !== '10' || cells[1]?.trim() !== '12') throw new Error(`85歳以上: ${cells.join(' / ')}`);
      const year = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: '2025', exact: true }) });
      const trend = await year.locator('td').allTextContents();
      if (trend[0]?.replace(/[^0-9]/g, '') !== '396') throw new Error(`2025 actual: ${trend.join(' / ')}`);
      if ((await page.getByRole('row').count()) <= before) throw new Error('no new rows after the import');
      await expectVisible(page.getByText('総人口 396'), 'the headline figures');
      await screen('a02-area-profile-imported');

      // A second survey year moves the trend on; the pyramid shows the latest.
      await page.getByLabel('CSV ファイル').setInputFiles({
        name: 'population-2026.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(populationCsv(name, '2026-10-01', 11, 12), 'utf8'),
      });
      await page.getByRole('button', { name: 'CSV を取り込む' }).click();
      await expectVisible(page.getByText('総人口 414'), 'the latest survey in the headline');
      const cells2026 = await page.getByRole('row')
        .filter({ has: page.getByRole('rowheader', { name: '85歳以上', exact: true }) }).locator('td').allTextContents();
      if (cells2026[0]?.trim() !== '11') throw new Error(`85歳以上 after 2026: ${cells2026.join(' / ')}`);
      await expectVisible(page.getByRole('rowheader', { name: '2026', exact: true }), 'the 2026 survey in the trend');
    },
  },
  {
    name: 'a resident reads the open-data page with its datasets and download links',
    async run(page, { base, screen }) {
      await page.goto(`${base}/m/${SANYO}/open-data`);
      await expectVisible(page.getByRole('heading', { name: /のオープンデータ/, level: 1 }), 'the open-data page');
      for (const title of ['イベント一覧', '地域・年齢別人口', '団体一覧', '計画の進捗', '成果指標']) {
        await expectVisible(page.getByRole('heading', { name: title, level: 2 }), title);
      }
      await expectVisible(page.getByRole('link', { name: '団体一覧（CSV）をダウンロード' }), 'a download link');
      await screen('a03-open-data');
    },
  },
];
