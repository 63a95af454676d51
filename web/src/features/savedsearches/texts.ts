import { defineTexts } from '../../lib/i18n';

/** Saved searches (保存した検索) and their alerts. */
export const savedSearchTexts = defineTexts(
  {
    save: 'この検索を保存して新着を知らせてもらう',
    saved: '検索を保存しました。合う新着があるとお知らせに届きます',
    signInToSave: 'ログインすると、この検索を保存して新着を受け取れます',
    mySavedSearches: '保存した検索',
    none: '保存した検索はありません。有る・無いやイベントの検索ページから保存できます',
    remove: '削除',
    removeNamed: (name: string) => `「${name}」を削除`,
    open: '検索を開く',
  },
  {
    save: 'Save this search and tell me about new matches',
    saved: 'Search saved: new matches will arrive in your notifications',
    signInToSave: 'Sign in to save this search and hear about new matches',
    mySavedSearches: 'Saved searches',
    none: 'No saved searches yet. Save one from the haves and needs or the events search.',
    remove: 'Delete',
    removeNamed: (name: string) => `Delete “${name}”`,
    open: 'Open the search',
  },
);
