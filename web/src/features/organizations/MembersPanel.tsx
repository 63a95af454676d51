import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ifMatch, type Schemas, unwrap } from '../../api/client';
import { ProblemMessage } from '../../components/Problem';
import { formatDate } from '../../lib/format';
import { commonTexts } from '../../lib/texts';
import { organizationTexts } from './texts';

type MemberRole = Schemas['MemberRole'];

/** Owners manage who belongs: roles, removal, and the single-use invitation codes. */
export function MembersPanel({ organizationId, myUserId }: { organizationId: string; myUserId?: string }) {
  const common = commonTexts();
  const text = organizationTexts();
  const queryClient = useQueryClient();
  const members = useQuery({
    queryKey: ['members', organizationId],
    queryFn: async () => unwrap(await api.GET('/api/v1/organizations/{id}/members', { params: { path: { id: organizationId } } })),
  });
  const invitations = useQuery({
    queryKey: ['invitations', organizationId],
    queryFn: async () => unwrap(await api.GET('/api/v1/organizations/{id}/invitations', { params: { path: { id: organizationId } } })),
  });
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ['members', organizationId] }),
      queryClient.invalidateQueries({ queryKey: ['invitations', organizationId] }),
    ]);
  // A role change or removal names the member's version as read: someone else's change first is a 412.
  const changeRole = useMutation({
    mutationFn: async ({ userId, role, version }: { userId: string; role: MemberRole; version: number }) =>
      unwrap(await api.PUT('/api/v1/organizations/{id}/members/{userId}', {
        params: { path: { id: organizationId, userId }, header: ifMatch(version) }, body: { role },
      })),
    onSuccess: refresh,
  });
  const remove = useMutation({
    mutationFn: async ({ userId, version }: { userId: string; version: number }) =>
      unwrap(await api.DELETE('/api/v1/organizations/{id}/members/{userId}', {
        params: { path: { id: organizationId, userId }, header: ifMatch(version) },
      })),
    onSuccess: refresh,
  });
  const invite = useMutation({
    mutationFn: async (role: MemberRole) =>
      unwrap(await api.POST('/api/v1/organizations/{id}/invitations', { params: { path: { id: organizationId } }, body: { role } })),
    onSuccess: refresh,
  });
  const revoke = useMutation({
    mutationFn: async (invitationId: string) =>
      unwrap(await api.DELETE('/api/v1/organizations/{id}/invitations/{invitationId}', { params: { path: { id: organizationId, invitationId } } })),
    onSuccess: refresh,
  });
  const open = invitations.data?.items.filter((i) => !i.acceptedAt && !i.revokedAt) ?? [];
  return (
    <section>
      <h2>{text.members}</h2>
      <ProblemMessage error={members.error ?? changeRole.error ?? remove.error} onReload={() => void refresh()} />
      <div className="table-wrap">
        <table>
          <thead><tr><th scope="col">{common.name}</th><th scope="col">{common.role}</th><th scope="col"><span className="skip">{text.actions}</span></th></tr></thead>
          <tbody>
            {members.data?.items.map((m) => (
              <tr key={m.userId}>
                <td>{m.name}</td>
                <td>
                  <select className="status" aria-label={`${m.name} ${common.role}`} value={m.role}
                    onChange={(e) => changeRole.mutate({ userId: m.userId, role: e.target.value as MemberRole, version: m.version })}>
                    <option value="OWNER">{text.memberRoles.OWNER}</option>
                    <option value="EDITOR">{text.memberRoles.EDITOR}</option>
                  </select>
                </td>
                <td>
                  <button type="button" className="secondary" onClick={() => remove.mutate({ userId: m.userId, version: m.version })} disabled={remove.isPending}>
                    {m.userId === myUserId ? text.leave : text.remove}<span className="skip">: {m.name}</span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h3>{text.invitationCodes}</h3>
      <p className="muted">{text.invitationRule}</p>
      <p>
        <button type="button" className="secondary" onClick={() => invite.mutate('EDITOR')} disabled={invite.isPending}>{text.inviteEditor}</button>{' '}
        <button type="button" className="secondary" onClick={() => invite.mutate('OWNER')} disabled={invite.isPending}>{text.inviteOwner}</button>
      </p>
      <ProblemMessage error={invite.error ?? revoke.error ?? invitations.error} />
      {open.length > 0 && (
        <ul>
          {open.map((i) => (
            <li key={i.id}>
              <code data-testid="invitation-code">{i.code}</code>（{text.memberRoles[i.role]}・{text.until(formatDate(i.expiresAt))}）{' '}
              <button type="button" className="link" onClick={() => revoke.mutate(i.id)}>{text.revoke}<span className="skip">: {i.code}</span></button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
