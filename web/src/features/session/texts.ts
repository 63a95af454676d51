import { defineTexts } from '../../lib/i18n';

/** My page: roles, joining with an invitation code, my data and deleting the account. */
export const sessionTexts = defineTexts(
  {
    notSignedIn: 'ログインしていません',
    myOrganizations: '所属している団体',
    myStaffRoles: '職員としての役割',
    acceptInvitation: '招待コードで参加する',
    invitationCode: '招待コード',
    join: '参加する',
    joined: '参加しました',
    myData: '自分のデータ',
    downloadMyData: '自分のデータをダウンロード',
    deleteAccount: 'アカウントを削除',
    deleteAccountWarning:
      'アカウントを削除すると、氏名とメールアドレスが消去され、団体と職員の所属も外れます。あなたが唯一の代表者の団体は自治体の職員が管理します。元に戻せません。',
    deleteAccountConfirmLabel: '確認のため「削除」と入力してください',
    deleteAccountConfirm: '削除して退会する',
  },
  {
    notSignedIn: 'Not signed in',
    myOrganizations: 'My organisations',
    myStaffRoles: 'My staff roles',
    acceptInvitation: 'Join with an invitation code',
    invitationCode: 'Invitation code',
    join: 'Join',
    joined: 'Joined',
    myData: 'My data',
    downloadMyData: 'Download my data',
    deleteAccount: 'Delete my account',
    deleteAccountWarning:
      "Deleting your account erases your name and e-mail and removes your organisation and staff memberships. Organisations you alone own are managed by the municipality's staff. This cannot be undone.",
    deleteAccountConfirmLabel: 'To confirm, type 削除',
    deleteAccountConfirm: 'Delete and leave',
  },
);
