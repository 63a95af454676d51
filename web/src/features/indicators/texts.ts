import { currentLanguage } from '../../lib/i18n';

/** Japanese first, English second, in the language the UI shows now. */
export function say(ja: string, en: string): string {
  return currentLanguage() === 'en' ? en : ja;
}

/** The indicator screen's own texts (figures form with target, CSV). */
export const itx = {
  enterFigures: () => say('実績値・目標値を入力する', 'Enter an actual or a target'),
  figuresHint: () => say('年度を選ぶと登録済みの値が入ります。空欄にした値は消去されます。', 'Choosing a year fills in its stored figures; a field left empty is cleared.'),
  chooseYear: () => say('年度を選んでください', 'Choose a fiscal year'),
  enterNumber: () => say('数値を入力してください', 'Enter a number'),
  csv: () => say('CSV（Excel）', 'CSV (Excel)'),
  csvExport: () => say('数値を CSV でダウンロード', 'Download the figures as CSV'),
  csvImport: () => say('CSV を取り込む', 'Import CSV'),
  csvFile: () => say('取り込む CSV ファイル', 'CSV file to import'),
  csvHint: () => say('取り込むと数値が置き換わります。誤りがあれば何も変更しません。', 'Importing replaces the figures. A file with any error changes nothing.'),
};
