import { currentLanguage, type Language } from '../../lib/i18n';

/** Japanese first, English second, for messages relayed to organisations. */
const texts = {
  sendMessage: ['メッセージを送る', 'Send a message'],
  sendMessageNote: [
    '団体のメンバーと自治体の職員が読み、このサイトで返信します。あなたの表示名だけが伝わり、メールアドレスや電話番号は伝わりません。',
    'Members of the organisation and staff of the municipality read it and answer here. They see your display name only, never your e-mail address or phone number.',
  ],
  signInToMessage: ['メッセージを送るにはログインしてください', 'Sign in to send a message'],
  subject: ['件名', 'Subject'],
  body: ['本文', 'Message'],
  send: ['送信する', 'Send'],
  sent: ['メッセージを送りました。返信はマイページに届きます。', 'Message sent. Replies arrive on My page.'],
  organizationInbox: ['団体に届いたメッセージ', 'Messages to this organisation'],
  myMessages: ['団体に送ったメッセージ', 'Messages I sent to organisations'],
  noMessages: ['メッセージはありません', 'No messages'],
  from: ['送り主', 'From'],
  to: ['宛先', 'To'],
  reply: ['返信する', 'Reply'],
  replyLabel: ['返信', 'Reply'],
  followUp: ['追って送る', 'Follow up'],
  erased: ['送り主の退会により内容は削除されました', 'Erased when the sender left'],
  required: ['入力してください', 'Required'],
  tooLong: ['文字数が多すぎます', 'Too long'],
} as const;

export type MessageTextKey = keyof typeof texts;

export function mt(key: MessageTextKey, language: Language = currentLanguage()): string {
  const [ja, en] = texts[key];
  return language === 'en' ? en : ja;
}

export const MAX_SUBJECT = 200;
export const MAX_BODY = 4000;

/** What the browser can tell before the API does: empty or too long. */
export function validateMessage(
  v: { subject?: string; body: string },
  language: Language = currentLanguage(),
): Record<string, string> {
  const errors: Record<string, string> = {};
  if (v.subject !== undefined) {
    if (v.subject.trim() === '') errors.subject = mt('required', language);
    else if (v.subject.length > MAX_SUBJECT) errors.subject = mt('tooLong', language);
  }
  if (v.body.trim() === '') errors.body = mt('required', language);
  else if (v.body.length > MAX_BODY) errors.body = mt('tooLong', language);
  return errors;
}
