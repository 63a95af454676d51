import { defineTexts } from '../../lib/i18n';

/** A match between a need and a have, and the notification inbox. */
export const matchTexts = defineTexts(
  {
    match: 'マッチング',
    nextStep: '次の操作',
    accept: '承諾する',
    decline: '辞退する',
    withdraw: '提案を取り下げる',
    fulfil: '完了にする',
    startProject: 'このマッチから協創の場をつくる',
    contactAfterAcceptance: '連絡先は双方が承諾した後に表示されます',
    read: '既読',
    unread: '未読',
    markRead: '既読にする',
    brokeredBy: 'つなぎ役',
    acceptances: (need: string, have: string) => `無いの側: ${need}／有るの側: ${have}（双方の承諾で成立）`,
    acceptedMark: '承諾済み',
    waitingMark: '回答待ち',
  },
  {
    match: 'Match',
    nextStep: 'Next step',
    accept: 'Accept',
    decline: 'Decline',
    withdraw: 'Withdraw',
    fulfil: 'Mark fulfilled',
    startProject: 'Create a project from this match',
    contactAfterAcceptance: 'Contact details appear once both sides agree',
    read: 'Read',
    unread: 'Unread',
    markRead: 'Mark as read',
    brokeredBy: 'Brokered by',
    acceptances: (need: string, have: string) => `need's side: ${need} / have's side: ${have} (agreed once both accept)`,
    acceptedMark: 'accepted',
    waitingMark: 'waiting',
  },
);
