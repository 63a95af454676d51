import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../api/client';
import { ProblemMessage } from '../../components/Problem';
import { formatDateTime } from '../../lib/format';
import { staffTexts } from './texts';

type Status = 'PENDING' | 'IN_FLIGHT' | 'SENT' | 'FAILED';
const statuses: Status[] = ['PENDING', 'IN_FLIGHT', 'SENT', 'FAILED'];

/** Staff: the municipality's mails and where their delivery stands (retries, last error). */
export function MailDeliveries({ code }: { code: string }) {
  const text = staffTexts();
  const [status, setStatus] = useState<Status | ''>('');
  const deliveries = useQuery({
    queryKey: ['mail-deliveries', code, status],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/municipalities/{code}/mail-deliveries', {
        params: { path: { code }, query: { size: 30, ...(status ? { status } : {}) } },
      })),
  });
  return (
    <section aria-labelledby="mail-deliveries">
      <h2 id="mail-deliveries">{text.mailDeliveries}</h2>
      <label htmlFor="mail-status">{text.mailStatus}</label>
      <select id="mail-status" value={status} onChange={(e) => setStatus(e.target.value as Status | '')}>
        <option value="">{text.allStatuses}</option>
        {statuses.map((s) => <option key={s} value={s}>{text.mailStatuses[s]}</option>)}
      </select>
      <ProblemMessage error={deliveries.error} />
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{text.when}</th><th scope="col">{text.mailTo}</th><th scope="col">{text.mailSubject}</th>
              <th scope="col">{text.mailStatus}</th><th scope="col">{text.mailAttempts}</th><th scope="col">{text.mailLastError}</th>
            </tr>
          </thead>
          <tbody>
            {deliveries.data?.items?.map((d) => (
              <tr key={d.id}>
                <td>{formatDateTime(d.createdAt)}</td>
                <td>{d.recipient}</td>
                <td>{d.subject}</td>
                <td>{text.mailStatuses[d.status]}{d.sentAt ? ` ${formatDateTime(d.sentAt)}` : ''}</td>
                <td>{d.attempts}</td>
                <td>{d.lastError}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
