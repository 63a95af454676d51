import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { api, unwrap } from '../../api/client';
import { ProblemMessage } from '../../components/Problem';
import { formatDateTime } from '../../lib/format';
import { useMunicipality } from '../../lib/municipality';
import { commonTexts } from '../../lib/texts';
import { MailDeliveries } from './MailDeliveries';
import { StaffMembers } from './StaffMembers';
import { staffTexts } from './texts';

/** Staff of a municipality: approve new organisations, read the audit log. */
export default function StaffConsole() {
  const common = commonTexts();
  const text = staffTexts();
  const code = useParams().code!;
  const queryClient = useQueryClient();
  const municipality = useMunicipality(code);
  const pending = useQuery({
    queryKey: ['organizations', code, 'pending'],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/municipalities/{code}/organizations', {
        params: { path: { code }, query: { status: 'PENDING', size: 50 } },
      })),
  });
  const audit = useQuery({
    queryKey: ['audit', code],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/municipalities/{code}/audit-log', { params: { path: { code }, query: { size: 30 } } })),
  });
  const approve = useMutation({
    mutationFn: async (id: string) =>
      unwrap(await api.POST('/api/v1/organizations/{id}/approval', { params: { path: { id } } })),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['organizations'] }),
        queryClient.invalidateQueries({ queryKey: ['audit', code] }),
      ]),
  });
  return (
    <>
      <h1>{municipality.data?.name} {common.staffConsole}</h1>
      <p><Link to={`/m/${code}/brokering`}>{text.brokering}</Link></p>
      <h2>{text.pendingApprovals}</h2>
      <ProblemMessage error={pending.error ?? approve.error} />
      {pending.data?.items?.length === 0 && <p className="muted">{common.nothingFound}</p>}
      <ul className="cards">
        {pending.data?.items?.map((o) => (
          <li className="card" key={o.id}>
            <h3><Link to={`/organizations/${o.id}`}>{o.name}</Link></h3>
            <p className="muted">{o.typeLabel}</p>
            <button type="button" onClick={() => approve.mutate(o.id)} disabled={approve.isPending}>
              {common.approve}<span className="skip">: {o.name}</span>
            </button>
          </li>
        ))}
      </ul>
      <StaffMembers code={code} />
      <MailDeliveries code={code} />
      <h2>{text.auditLog}</h2>
      <ProblemMessage error={audit.error} />
      <div className="table-wrap">
        <table>
          <thead>
            <tr><th scope="col">{text.when}</th><th scope="col">{text.who}</th><th scope="col">{text.what}</th></tr>
          </thead>
          <tbody>
            {audit.data?.items?.map((e) => (
              <tr key={e.id}>
                <td>{formatDateTime(e.occurredAt)}</td>
                <td>{e.actorName}</td>
                <td>{e.action}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
