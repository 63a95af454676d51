import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api, type Schemas, unwrap } from '../../api/client';
import { ProblemMessage } from '../../components/Problem';
import { formatJapaneseDate } from '../../lib/format';
import { currentLanguage } from '../../lib/i18n';
import { describeDiff, type DiffSectionKey } from './planDiff';
import { pt } from './texts';

const SECTION_HEADINGS: Record<DiffSectionKey, () => string> = {
  fields: pt.fieldChanges,
  added: pt.addedItems,
  removed: pt.removedItems,
  changed: pt.changedItems,
  statuses: pt.statusChanges,
};

export function formatDate(iso: string | undefined): string {
  if (!iso) return '';
  return currentLanguage() === 'en' ? iso.slice(0, 10) : formatJapaneseDate(iso);
}

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
  const id = plan.id!;
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
      <h2 id="versions-heading">{pt.versions()}</h2>
      <ProblemMessage error={versions.error} />
      {plan.canEdit && plan.unpublishedChanges && <p className="notice">✎ {pt.unpublishedChanges()}</p>}
      {versions.data && list.length === 0 && <p>{pt.noVersions()}</p>}
      {list.length > 0 && (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{pt.versions()}</th>
                <th scope="col">{pt.publishedAt()}</th>
                <th scope="col">{pt.versionNote()}</th>
                {plan.canEdit && <th scope="col">{pt.publishedBy()}</th>}
                <th scope="col"><span className="visually-hidden">{pt.viewProgress()}</span></th>
              </tr>
            </thead>
            <tbody>
              {[...list].sort((a, b) => (b.number ?? 0) - (a.number ?? 0)).map((v) => (
                <tr key={v.number} aria-current={viewing === v.number ? 'true' : undefined}>
                  <th scope="row" className="nowrap">{pt.versionNumber(v.number!)}{viewing === v.number ? ` ◀` : ''}</th>
                  <td className="nowrap">{formatDate(v.publishedAt)}</td>
                  <td>{v.note ?? ''}</td>
                  {plan.canEdit && <td>{v.publishedByName ?? ''}</td>}
                  <td>
                    <button type="button" className="secondary" onClick={() => onView(v.number)} disabled={viewing === v.number}
                      aria-label={`${pt.versionNumber(v.number!)}: ${pt.viewProgress()}`}>
                      {pt.viewProgress()}
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
          {pt.viewing(viewing)}{' '}
          <button type="button" className="link" onClick={() => onView(undefined)}>{pt.backToCurrent()}</button>
        </p>
      )}

      {(list.length > 1 || (plan.canEdit && list.length > 0)) && (
        <>
          <h3>{pt.compare()}</h3>
          <form
            className="filters"
            onSubmit={(e) => { e.preventDefault(); setCompared({ from: defaultFrom, to: defaultTo }); }}
          >
            <div>
              <label htmlFor="diff-from">{pt.compareFrom()}</label>
              <select id="diff-from" value={defaultFrom} onChange={(e) => setFrom(e.target.value)}>
                {list.map((v) => <option key={v.number} value={v.number}>{pt.versionNumber(v.number!)}</option>)}
              </select>
            </div>
            <div>
              <label htmlFor="diff-to">{pt.compareTo()}</label>
              <select id="diff-to" value={defaultTo} onChange={(e) => setTo(e.target.value)}>
                {plan.canEdit && <option value="draft">{pt.draft()}</option>}
                {list.map((v) => <option key={v.number} value={v.number}>{pt.versionNumber(v.number!)}</option>)}
              </select>
            </div>
            <div><button type="submit">{pt.showChanges()}</button></div>
          </form>
          <ProblemMessage error={diff.error} />
          {diff.data && (
            <div className="diff" aria-live="polite">
              <p className="muted">
                {pt.versionNumber(diff.data.from!)} → {diff.data.to == null ? pt.draft() : pt.versionNumber(diff.data.to)}
              </p>
              {sections.length === 0 && <p>{pt.noChanges()}</p>}
              {sections.map((s) => (
                <div key={s.key}>
                  <h4>{SECTION_HEADINGS[s.key]()}（{s.lines.length}）</h4>
                  <ul>{s.lines.map((line, i) => <li key={i}>{line}</li>)}</ul>
                </div>
              ))}
            </div>
          )}
        </>
      )}

      {plan.canEdit && plan.status !== 'ARCHIVED' && (
        <>
          <h3>{pt.publish()}</h3>
          <p className="muted">{pt.publishHint()}</p>
          <ProblemMessage error={publishError} />
          {published !== undefined && <p className="notice" role="status">{pt.published(published)}</p>}
          <form onSubmit={publish} noValidate>
            <label htmlFor="publish-note">{pt.versionNote()}</label>
            <textarea id="publish-note" value={note} maxLength={2000} onChange={(e) => setNote(e.target.value)} />
            <p><button type="submit" disabled={publishing}>{pt.publish()}</button></p>
          </form>
        </>
      )}
    </section>
  );
}
