import type { Schemas } from '../../api/client';
import { defineTexts } from '../../lib/i18n';

/** The staff console: approvals, the staff list and appointing staff, the audit log. */
export const staffTexts = defineTexts(
  {
    pendingApprovals: '承認待ちの団体',
    brokering: 'つなぐ：マッチの仲介、地域担当の確認待ち、コーディネーターの承認',
    auditLog: '変更履歴',
    when: '日時',
    who: '誰が',
    what: '操作',
    staff: '職員',
    actions: '操作',
    remove: '外す',
    appoint: '職員を登録する',
    appointHint: '一度ログインしたことのある人のメールアドレスを入力してください。',
    enterEmail: 'メールアドレスを入力してください',
    roles: { STAFF: '職員', MANAGER: '管理職員（プラットフォーム管理者のみ任命できます）' } satisfies Record<Schemas['StaffRole'], string>,
    register: '登録する',
  },
  {
    pendingApprovals: 'Organisations awaiting approval',
    brokering: 'Brokering: propose matches, the liaison queue, approve coordinators',
    auditLog: 'Audit log',
    when: 'When',
    who: 'Who',
    what: 'What',
    staff: 'Staff',
    actions: 'Actions',
    remove: 'Remove',
    appoint: 'Appoint a staff member',
    appointHint: 'Enter the e-mail of someone who has signed in once.',
    enterEmail: 'Enter an e-mail address',
    roles: { STAFF: 'Staff', MANAGER: 'Manager (appointed by platform admins)' },
    register: 'Appoint',
  },
);
