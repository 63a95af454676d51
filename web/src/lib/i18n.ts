/** Japanese first, English second: the UI texts and the language the API is asked for. */
export type Language = 'ja' | 'en';

const STORAGE_KEY = 'kyoso.language';

export function currentLanguage(): Language {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'ja';
  } catch {
    return 'ja';
  }
}

export function setLanguage(language: Language): void {
  localStorage.setItem(STORAGE_KEY, language);
  document.documentElement.lang = language;
}

const texts = {
  appName: ['Kyoso 協創', 'Kyoso'],
  tagline: ['有るものと無いものをつなぐ、協創のまちづくり', 'Bring what you have to what others lack'],
  skipToContent: ['本文へ移動', 'Skip to content'],
  municipalities: ['自治体', 'Municipalities'],
  chooseMunicipality: ['自治体を選んでください', 'Choose a municipality'],
  organizations: ['団体', 'Organisations'],
  areas: ['地域', 'Areas'],
  myPage: ['マイページ', 'My page'],
  staffConsole: ['職員コンソール', 'Staff console'],
  signIn: ['ログイン', 'Sign in'],
  signOut: ['ログアウト', 'Sign out'],
  language: ['English', '日本語'],
  search: ['検索', 'Search'],
  keyword: ['キーワード', 'Keyword'],
  type: ['種類', 'Type'],
  theme: ['活動分野', 'Theme'],
  area: ['地域', 'Area'],
  all: ['すべて', 'All'],
  results: ['件', 'results'],
  previous: ['前へ', 'Previous'],
  next: ['次へ', 'Next'],
  loading: ['読み込み中…', 'Loading…'],
  nothingFound: ['該当するものはありません', 'Nothing found'],
  registerOrganization: ['団体を登録する', 'Register an organisation'],
  edit: ['編集する', 'Edit'],
  save: ['保存する', 'Save'],
  cancel: ['キャンセル', 'Cancel'],
  name: ['名称', 'Name'],
  nameKana: ['よみがな', 'Name (kana)'],
  description: ['紹介文', 'Description'],
  website: ['ウェブサイト', 'Website'],
  bond: ['つながりの形', 'Bond'],
  contact: ['連絡先', 'Contact'],
  contactName: ['担当者名', 'Contact person'],
  email: ['メールアドレス', 'E-mail'],
  phone: ['電話番号', 'Phone'],
  status: ['状態', 'Status'],
  themes: ['活動分野', 'Themes'],
  activeAreas: ['活動地域', 'Areas of activity'],
  cityWide: ['市全域', 'City-wide'],
  contactHidden: ['連絡先は団体のメンバーと自治体職員にだけ表示されます', 'Contact details are shown to members and staff only'],
  saved: ['保存しました', 'Saved'],
  staleEdit: ['他の人が先に更新しました。入力内容は残っています。最新を読み込んでから保存し直してください。', 'Someone else saved first. Your input is kept; reload the latest version and save again.'],
  reloadLatest: ['最新を読み込む', 'Reload the latest'],
  population: ['人口', 'Population'],
  aged65Share: ['高齢化率', 'Aged 65+'],
  households: ['世帯数', 'Households'],
  asOf: ['時点', 'as of'],
  liaisons: ['地域担当職員', 'Liaison officers'],
  pendingApprovals: ['承認待ちの団体', 'Organisations awaiting approval'],
  approve: ['承認する', 'Approve'],
  auditLog: ['変更履歴', 'Audit log'],
  when: ['日時', 'When'],
  who: ['誰が', 'Who'],
  what: ['操作', 'What'],
  acceptInvitation: ['招待コードで参加する', 'Join with an invitation code'],
  invitationCode: ['招待コード', 'Invitation code'],
  join: ['参加する', 'Join'],
  joined: ['参加しました', 'Joined'],
  myOrganizations: ['所属している団体', 'My organisations'],
  myStaffRoles: ['職員としての役割', 'My staff roles'],
  notSignedIn: ['ログインしていません', 'Not signed in'],
  recentOrganizations: ['新しく登録された団体', 'Recently registered organisations'],
  pendingNotice: ['この団体は自治体職員の承認待ちです', 'This organisation awaits approval by municipal staff'],
  required: ['必須', 'required'],
  errorTitle: ['エラー', 'Error'],
  notFoundPage: ['ページが見つかりません', 'Page not found'],
  members: ['メンバー', 'Members'],
  invite: ['招待コードを発行する', 'Create an invitation code'],
  role: ['役割', 'Role'],
  plans: ['計画', 'Plans'],
  vision: ['目指す姿', 'Vision'],
  fiscalYear: ['年度', 'Fiscal year'],
  progressTable: ['進捗状況', 'Progress'],
  countAndShare: ['件数（割合）', 'count (share)'],
  item: ['項目', 'Item'],
  total: ['項目数', 'Items'],
  overall: ['全体', 'Overall'],
  trend: ['年度ごとの推移', 'Trend by fiscal year'],
  items: ['推進項目', 'Plan items'],
  saveStatuses: ['進捗を保存する', 'Save statuses'],
  indicators: ['成果指標', 'Indicators'],
  noActualYet: ['実績はまだありません', 'No actual yet'],
  actual: ['実績', 'Actual'],
  target: ['目標', 'Target'],
  baseline: ['基準値', 'Baseline'],
  expectedLine: ['目標までの線', 'Line to the target'],
  achievement: ['達成率', 'Achievement'],
  figures: ['数値', 'Figures'],
  enterActual: ['実績を入力する', 'Enter an actual'],
  note: ['備考', 'Note'],
} as const;

export type TextKey = keyof typeof texts;

export function t(key: TextKey, language: Language = currentLanguage()): string {
  const [ja, en] = texts[key];
  return language === 'en' ? en : ja;
}
