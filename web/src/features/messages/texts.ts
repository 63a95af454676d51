import { defineTexts } from '../../lib/i18n';

/** Messages relayed to organisations: writing one, the inboxes, the conversations. */
export const messageTexts = defineTexts(
  {
    sendMessage: 'メッセージを送る',
    sendMessageNote:
      '団体のメンバーと自治体の職員が読み、このサイトで返信します。あなたの表示名だけが伝わり、メールアドレスや電話番号は伝わりません。',
    signInToMessage: 'メッセージを送るにはログインしてください',
    subject: '件名',
    body: '本文',
    send: '送信する',
    sent: 'メッセージを送りました。返信はマイページに届きます。',
    organizationInbox: '団体に届いたメッセージ',
    myMessages: '団体に送ったメッセージ',
    noMessages: 'メッセージはありません',
    from: '送り主',
    to: '宛先',
    reply: '返信する',
    replyLabel: '返信',
    followUp: '追って送る',
    erased: '送り主の退会により内容は削除されました',
    required: '入力してください',
    tooLong: '文字数が多すぎます',
  },
  {
    sendMessage: 'Send a message',
    sendMessageNote:
      'Members of the organisation and staff of the municipality read it and answer here. They see your display name only, never your e-mail address or phone number.',
    signInToMessage: 'Sign in to send a message',
    subject: 'Subject',
    body: 'Message',
    send: 'Send',
    sent: 'Message sent. Replies arrive on My page.',
    organizationInbox: 'Messages to this organisation',
    myMessages: 'Messages I sent to organisations',
    noMessages: 'No messages',
    from: 'From',
    to: 'To',
    reply: 'Reply',
    replyLabel: 'Reply',
    followUp: 'Follow up',
    erased: 'Erased when the sender left',
    required: 'Required',
    tooLong: 'Too long',
  },
);
