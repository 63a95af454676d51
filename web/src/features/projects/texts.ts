import { currentLanguage, type Language } from '../../lib/i18n';

/** Japanese first, English second, for the co-creation project (協創の場) screens. */
export function say(ja: string, en: string, language: Language = currentLanguage()): string {
  return language === 'en' ? en : ja;
}

const texts = {
  projects: ['協創の場', 'Projects'],
  newProject: ['協創の場をつくる', 'Start a project'],
  fromMatch: ['このマッチから協創の場をつくる', 'Create a project from this match'],
  fromMatchNotice: ['承諾されたマッチから始めます。両方の団体が参加団体になり、有る・無いがそれぞれの持ち寄るものになります。', 'Starting from an accepted match: both organisations become partners, their listings their contributions.'],
  stage: ['段階', 'Stage'],
  domain: ['協働の領域', 'Domain'],
  forms: ['協働の形態', 'Forms of collaboration'],
  vision: ['共有ビジョン', 'Shared vision'],
  issue: ['課題', 'Issue'],
  summary: ['概要', 'Summary'],
  title: ['名称', 'Title'],
  period: ['期間', 'Period'],
  startsOn: ['開始日', 'Starts on'],
  endsOn: ['終了日', 'Ends on'],
  published: ['公開する（誰でも見られるようにする）', 'Publish (visible to everyone)'],
  unpublished: ['非公開', 'Not published'],
  areas: ['対象地域', 'Areas'],
  cityWide: ['市全域', 'City-wide'],
  partners: ['参加団体', 'Partners'],
  role: ['役割', 'Role'],
  contribution: ['持ち寄るもの', 'Contribution'],
  linkedListings: ['関連する有る・無い', 'Linked haves and needs'],
  listing: ['有る・無い', 'Listing'],
  stageHistory: ['段階の履歴', 'Stage history'],
  registered: ['登録', 'Registered'],
  when: ['日時', 'When'],
  change: ['変更', 'Change'],
  note: ['理由・メモ', 'Note'],
  changeStage: ['段階を変える', 'Change the stage'],
  moveTo: ['移る先', 'Move to'],
  forward: ['次へ進む', 'forward'],
  back: ['前に戻す', 'back'],
  lastStage: ['最後の段階です', 'This is the last stage'],
  saveStage: ['段階を変更する', 'Change stage'],
  stageChanged: ['段階を変更しました', 'The stage was changed'],
  invite: ['団体を招待する', 'Invite an organisation'],
  organization: ['団体', 'Organisation'],
  chooseOrganization: ['団体を選んでください', 'Choose an organisation'],
  sendInvitation: ['招待する', 'Invite'],
  invited: ['招待しました', 'Invited'],
  invitation: ['協創の場への招待', 'Invitation to this project'],
  invitationFor: ['が招待されています', 'has been invited'],
  accept: ['参加する', 'Accept'],
  decline: ['辞退する', 'Decline'],
  leadOrganization: ['幹事団体', 'Lead organisation'],
  leadContribution: ['幹事団体が持ち寄るもの', 'What the lead organisation brings'],
  create: ['登録する', 'Create'],
  cancel: ['キャンセル', 'Cancel'],
  required: ['必須', 'required'],
  all: ['すべて', 'All'],
  keyword: ['キーワード', 'Keyword'],
  search: ['検索', 'Search'],
  results: ['件', 'results'],
  loading: ['読み込み中…', 'Loading…'],
  nothingFound: ['該当する協創の場はありません', 'No projects found'],
  next: ['次へ', 'Next'],
  previous: ['前へ', 'Previous'],
  signInToCreate: ['協創の場をつくるにはログインしてください', 'Sign in to start a project'],
  noOrganization: ['この自治体で活動中の団体に所属していないため、協創の場をつくれません', 'You are not a member of an active organisation in this municipality'],
  sourceMatch: ['元になったマッチ', 'The match it grew from'],
  viewMatch: ['マッチを見る', 'View the match'],
  pages: ['ページ', 'Pages'],
  currentStage: ['現在の段階', 'Current stage'],
  noHistory: ['履歴はありません', 'No history'],
} as const satisfies Record<string, readonly [string, string]>;

export type TextKey = keyof typeof texts;

export function tx(key: TextKey, language: Language = currentLanguage()): string {
  const [ja, en] = texts[key];
  return language === 'en' ? en : ja;
}
