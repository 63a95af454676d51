import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { ProblemMessage } from '../../components/Problem';
import { currentLanguage, t } from '../../lib/i18n';

const say = (ja: string, en: string) => (currentLanguage() === 'en' ? en : ja);

/** Owners manage who belongs: roles, removal, and the single-use invitation codes. */
export function MembersPanel({ organizationId, myUserId }: { organizationId: string; myUserId?: string }) {
  const queryClient = useQueryClient();
  const members = useQuery({
    queryKey: ['members', organizationId],
    queryFn: async () => unwrap(await api.GET('/api/v1/organizations/{id}/members', { params: { path: { id: organizationId } } })),
  });
  const invitations = useQuery({
    queryKey: ['invitations', organizationId],
    queryFn: async () => unwrap(await api.GET('/api/v1/organizations/{id}/invitations', { params: { path: { id: organizationId } } })),
  });
  const refresh = () => {
    queryClient.invalidateQueries({ queryKey: ['members', organizationId] });
    queryClient.invalidateQueries({ queryKey: ['invitations', organizationId] });
  };
  const changeRole = useMutation({
    mutationFn: async ({ userId, role }: { userId: string; role: 'OWNER' | 'EDITOR' }) =>
      unwrap(await api.PUT('/api/v1/organizations/{id}/members/{userId}', { params: { path: { id: organizationId, userId } }, body: { role } })),
    onSuccess: refresh,
  });
  const remove = useMutation({
    mutationFn: async (userId: string) =>
      unwrap(await api.DELETE('/api/v1/organizations/{id}/members/{userId}', { params: { path: { id: organizationId, userId } } })),
    onSuccess: refresh,
  });
  const invite = useMutation({
    mutationFn: async (role: 'OWNER' | 'EDITOR') =>
      unwrap(await api.POST('/api/v1/organizations/{id}/invitations', { params: { path: { id: organizationId } }, body: { role } })),
    onSuccess: refresh,
  });
  const revoke = useMutation({
    mutationFn: async (invitationId: string) =>
      unwrap(await api.DELETE('/api/v1/organizations/{id}/invitations/{invitationId}', { params: { path: { id: organizationId, invitationId } } })),
    onSuccess: refresh,
  });
  const open = invitations.data?.items?.filter((i) => !i.acceptedAt && !i.revokedAt) ?? [];
  return (
    <section>
      <h2>{t('members')}</h2>
      <ProblemMessage error={members.error ?? changeRole.error ?? remove.error} />
      <div className="table-wrap">
        <table>
          <thead><tr><th scope="col">{t('name')}</th><th scope="col">{t('role')}</th><th scope="col"><span className="skip">{say('操作', 'Actions')}</span></th></tr></thead>
          <tbody>
            {members.data?.items?.map((m) => (
              <tr key={m.userId}>
                <td>{m.name}</td>
                <td>
                  <select className="status" aria-label={`${m.name} ${t('role')}`} value={m.role}
                    onChange={(e) => changeRole.mutate({ userId: m.userId!, role: e.target.value as 'OWNER' | 'EDITOR' })}>
                    <option value="OWNER">{say('代表者', 'Owner')}</option>
                    <option value="EDITOR">{say('編集者', 'Editor')}</option>
                  </select>
                </td>
                <td>
                  <button type="button" className="secondary" onClick={() => remove.mutate(m.userId!)} disabled={remove.isPending}>
                    {m.userId === myUserId ? say('退会する', 'Leave') : say('外す', 'Remove')}<span className="skip">: {m.name}</span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h3>{say('招待コード', 'Invitation codes')}</h3>
      <p className="muted">{say('コードは一度だけ使えます。有効期限は14日です。', 'A code works once and for 14 days.')}</p>
      <p>
        <button type="button" className="secondary" onClick={() => invite.mutate('EDITOR')} disabled={invite.isPending}>{say('編集者を招待する', 'Invite an editor')}</button>{' '}
        <button type="button" className="secondary" onClick={() => invite.mutate('OWNER')} disabled={invite.isPending}>{say('代表者を招待する', 'Invite an owner')}</button>
      </p>
      <ProblemMessage error={invite.error ?? revoke.error ?? invitations.error} />
      {open.length > 0 && (
        <ul>
          {open.map((i) => (
            <li key={i.id}>
              <code data-testid="invitation-code">{i.code}</code>（{i.role === 'OWNER' ? say('代表者', 'Owner') : say('編集者', 'Editor')}・{say('期限', 'until')} {i.expiresAt?.slice(0, 10)}）{' '}
              <button type="button" className="link" onClick={() => revoke.mutate(i.id!)}>{say('取り消す', 'Revoke')}<span className="skip">: {i.code}</span></button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
