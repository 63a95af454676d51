import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api, type Schemas, unwrap } from '../../api/client';
import { ProblemMessage } from '../../components/Problem';
import { formatDate } from '../../lib/format';
import { describeDiff } from './planDiff';
import { planTexts } from './texts';

/**
 * The published versions (見直しの履歴): number, date and note, a way to view each one's progress,
 * what changed between two versions (or a version and the draft), and for editors publishing.
 */
export function PlanVersions({
  plan,
  viewing,
  onView,
  statusLabel,
}: {
  plan: Schemas['Plan'];
  viewing: number | undefined;
  onView: (version: number | undefined) => void;
  statusLabel: (status: string | null | undefined) => string;
}) {
  const text = planTexts();
  const id = plan.id;
  const queryClient = useQueryClient();
  const versions = useQuery({
    queryKey: ['plan', id, 'versions'],
    queryFn: async () => unwrap(await api.GET('/api/v1/plans/{id}/versions', { params: { path: { id } } })),
  });
  const list = versions.data ?? [];
  const latest = list.reduce((max, v) => Math.max(max, v.number ?? 0), 0);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [compared, setCompared] = useState<{ from: string; to: string }>();
  const diff = useQuery({
    queryKey: ['plan', id, 'diff', compared?.from, compared?.to],
    enabled: compared !== undefined,
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/plans/{id}/diff', {
        params: { path: { id }, query: { from: compared!.from ? Number(compared!.from) : undefined, to: compared!.to || undefined } },
      })),
  });
  const [note, setNote] = useState('');
  const [publishError, setPublishError] = useState<unknown>();
  const [published, setPublished] = useState<number>();
  const [publishing, setPublishing] = useState(false);

  const defaultFrom = from || (latest ? String(plan.canEdit ? latest : Math.max(1, latest - 1)) : '');
  const defaultTo = to || (plan.canEdit ? 'draft' : String(latest));

  const publish = async (e: FormEvent) => {
    e.preventDefault();
    setPublishError(undefined);
    setPublished(undefined);
    setPublishing(true);
    try {
      const version = unwrap(await api.POST('/api/v1/plans/{id}/versions', {
        params: { path: { id } },
        body: note.trim() ? { note: note.trim() } : {},
      }));
      setPublished(version.number);
      setNote('');
      setCompared(undefined);
      await queryClient.invalidateQueries({ queryKey: ['plan', id] });
      await queryClient.invalidateQueries({ queryKey: ['plans'] });
    } catch (err) {
      setPublishError(err);
    } finally {
      setPublishing(false);
    }
  };

  const sections = diff.data ? describeDiff(diff.data, statusLabel) : [];
  return (
    <section aria-labelledby="versions-heading">
      <h2 id="versions-heading">{text.versions}</h2>
      <ProblemMessage error={versions.error} />
      {plan.canEdit && plan.unpublishedChanges && <p className="notice">✎ {text.unpublishedChanges}</p>}
      {versions.data && list.length === 0 && <p>{text.noVersions}</p>}
      {list.length > 0 && (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{text.versions}</th>
                <th scope="col">{text.publishedAt}</th>
                <th scope="col">{text.versionNote}</th>
                {plan.canEdit && <th scope="col">{text.publishedBy}</th>}
                <th scope="col"><span className="visually-hidden">{text.viewProgress}</span></th>
              </tr>
            </thead>
            <tbody>
              {[...list].sort((a, b) => (b.number ?? 0) - (a.number ?? 0)).map((v) => (
                <tr key={v.number} aria-current={viewing === v.number ? 'true' : undefined}>
                  <th scope="row" className="nowrap">{text.versionNumber(v.number)}{viewing === v.number ? ` ◀` : ''}</th>
                  <td className="nowrap">{formatDate(v.publishedAt)}</td>
                  <td>{v.note ?? ''}</td>
                  {plan.canEdit && <td>{v.publishedByName ?? ''}</td>}
                  <td>
                    <button type="button" className="secondary" onClick={() => onView(v.number)} disabled={viewing === v.number}
                      aria-label={`${text.versionNumber(v.number)}: ${text.viewProgress}`}>
                      {text.viewProgress}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {viewing !== undefined && (
        <p className="notice" role="status">
          {text.viewing(viewing)}{' '}
          <button type="button" className="link" onClick={() => onView(undefined)}>{text.backToCurrent}</button>
        </p>
      )}

      {(list.length > 1 || (plan.canEdit && list.length > 0)) && (
        <>
          <h3>{text.compare}</h3>
          <form
            className="filters"
            onSubmit={(e) => { e.preventDefault(); setCompared({ from: defaultFrom, to: defaultTo }); }}
          >
            <div>
              <label htmlFor="diff-from">{text.compareFrom}</label>
              <select id="diff-from" value={defaultFrom} onChange={(e) => setFrom(e.target.value)}>
                {list.map((v) => <option key={v.number} value={v.number}>{text.versionNumber(v.number)}</option>)}
              </select>
            </div>
            <div>
              <label htmlFor="diff-to">{text.compareTo}</label>
              <select id="diff-to" value={defaultTo} onChange={(e) => setTo(e.target.value)}>
                {plan.canEdit && <option value="draft">{text.draft}</option>}
                {list.map((v) => <option key={v.number} value={v.number}>{text.versionNumber(v.number)}</option>)}
              </select>
            </div>
            <div><button type="submit">{text.showChanges}</button></div>
          </form>
          <ProblemMessage error={diff.error} />
          {diff.data && (
            <div className="diff" aria-live="polite">
              <p className="muted">
                {text.versionNumber(diff.data.from)} → {diff.data.to == null ? text.draft : text.versionNumber(diff.data.to)}
              </p>
              {sections.length === 0 && <p>{text.noChanges}</p>}
              {sections.map((s) => (
                <div key={s.key}>
                  <h4>{text.diffSections[s.key]}（{s.lines.length}）</h4>
                  <ul>{s.lines.map((line, i) => <li key={i}>{line}</li>)}</ul>
                </div>
              ))}
            </div>
          )}
        </>
      )}

      {plan.canEdit && plan.status !== 'ARCHIVED' && (
        <>
          <h3>{text.publish}</h3>
          <p className="muted">{text.publishHint}</p>
          <ProblemMessage error={publishError} />
          {published !== undefined && <p className="notice" role="status">{text.published(published)}</p>}
          <form onSubmit={(e) => void publish(e)} noValidate>
            <label htmlFor="publish-note">{text.versionNote}</label>
            <textarea id="publish-note" value={note} maxLength={2000} onChange={(e) => setNote(e.target.value)} />
            <p><button type="submit" disabled={publishing}>{text.publish}</button></p>
          </form>
        </>
      )}
    </section>
  );
}
