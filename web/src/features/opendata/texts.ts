import { defineTexts } from '../../lib/i18n';

/** The open-data page: the datasets Kyoso publishes for a municipality and its settings. */
export const openDataTexts = defineTexts(
  {
    title: (city: string) => `${city}のオープンデータ`,
    intro: 'Kyoso が公開しているデータの一覧です。CSV は UTF-8（BOM 付き）・CRLF で、Excel でそのまま開けます。',
    license: 'ライセンス',
    modified: '最終更新',
    never: 'まだデータがありません',
    download: (format: string, title: string) => `${title}（${format}）をダウンロード`,
    harvest: 'データカタログ（DCAT-AP JSON-LD）',
    harvestHint: 'データポータルが収集（ハーベスト）するための目録です。',
    settings: '公開の設定（職員）',
    licenseName: 'ライセンス名（空欄で CC BY 4.0）',
    licenseUrl: 'ライセンスのアドレス（https）',
    origins: '埋め込みを許可するサイト（1 行に 1 つ、https://www.city.example.lg.jp の形）',
    originsHint: 'ここにあるサイトだけが、成果指標のグラフや計画の進捗表を iframe で表示できます。',
    save: '保存する',
    saved: '保存しました。',
  },
  {
    title: (city: string) => `Open data of ${city}`,
    intro: 'The data Kyoso publishes. CSV files are UTF-8 with BOM and CRLF, so Excel opens them as they are.',
    license: 'Licence',
    modified: 'Last updated',
    never: 'No data yet',
    download: (format: string, title: string) => `Download ${title} (${format})`,
    harvest: 'Data catalog (DCAT-AP JSON-LD)',
    harvestHint: 'The catalog data portals harvest.',
    settings: 'Publishing settings (staff)',
    licenseName: 'Licence name (blank: CC BY 4.0)',
    licenseUrl: 'Licence address (https)',
    origins: 'Sites allowed to embed (one per line, such as https://www.city.example.lg.jp)',
    originsHint: 'Only these sites may show indicator charts and plan progress tables in an iframe.',
    save: 'Save',
    saved: 'Saved.',
  },
);
