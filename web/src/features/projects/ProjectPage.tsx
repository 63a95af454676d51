import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, ApiError, type Schemas, unwrap } from '../../api/client';
import { FieldError, ProblemMessage } from '../../components/Problem';
import { useMe } from '../../lib/auth';
import { formatDate, formatDateTime } from '../../lib/format';
import { EventsSection } from '../events';
import { commonTexts } from '../../lib/texts';
import { useAreas } from '../../lib/vocabulary';
import {
  allowedMoves,
  partnerRoles,
  projectPermissions,
  type Role,
  type Stage,
  stageNumber,
  stages,
  validateStageChange,
} from './projectLogic';
import { projectTexts } from './texts';

type Project = Schemas['Project'];

/** A co-creation project (協創の場): its vision, issue, partners, stage and stage history. */
export default function ProjectPage() {
  const common = commonTexts();
  const text = projectTexts();
  const id = useParams().id!;
  const { data: me } = useMe();
  const query = useQuery({
    queryKey: ['project', id],
    queryFn: async () => unwrap(await api.GET('/api/v1/projects/{id}', { params: { path: { id } } })),
  });
  const areas = useAreas(query.data?.municipalityCode ?? '');
  if (query.error) return <ProblemMessage error={query.error} />;
  const p = query.data;
  if (!p) return <p>{common.loading}</p>;
  const permissions = projectPermissions(p, me);
  const areaNames = (p.areaIds ?? []).map((a) => areas.data?.items?.find((x) => x.id === a)?.name ?? a);
  const period = p.startsOn || p.endsOn ? `${formatDate(p.startsOn)} 〜 ${formatDate(p.endsOn)}` : '';
  return (
    <article>
      <p style={{ margin: 0 }}><Link to={`/m/${p.municipalityCode}/projects`}>{common.projects}</Link></p>
      <h1>{p.title}</h1>
      <p>
        <span className="badge">{text.currentStage}: {p.stage ? stageNumber(p.stage) : ''}/{stages.length} {p.stageLabel}</span>{' '}
        {!p.published && <span className="badge">{text.unpublished}</span>}
      </p>
      <ol className="stage-steps" aria-label={text.stage}>
        {stages.map((s) => (
          <li key={s} aria-current={s === p.stage ? 'step' : undefined}>
            {stageNumber(s)}. {text.stages[s]}{s === p.stage && <> ({text.now})</>}
          </li>
        ))}
      </ol>
      {p.summary && <p>{p.summary}</p>}
      <dl className="facts">
        <dt>{text.vision}</dt><dd>{p.vision || '—'}</dd>
        <dt>{text.issue}</dt><dd>{p.issue || '—'}</dd>
        <dt>{text.domain}</dt><dd>{p.domainLabel}</dd>
        <dt>{text.forms}</dt><dd>{p.formLabels?.length ? p.formLabels.join('、') : '—'}</dd>
        <dt>{text.areas}</dt><dd>{areaNames.length ? areaNames.join('、') : text.cityWide}</dd>
        <dt>{text.period}</dt><dd>{period || '—'}</dd>
        {p.sourceMatchId && (<><dt>{text.sourceMatch}</dt><dd><Link to={`/matches/${p.sourceMatchId}`}>{text.viewMatch}</Link></dd></>)}
      </dl>

      <Partners project={p} answerable={permissions.invitationsToAnswer} />
      <EventsSection municipalityCode={p.municipalityCode} projectId={p.id} />

      <section aria-labelledby="history-heading">
        <h2 id="history-heading">{text.stageHistory}</h2>
        {p.stageHistory?.length ? (
          <div className="table-wrap">
            <table data-testid="stage-history">
              <thead><tr><th scope="col">{text.when}</th><th scope="col">{text.change}</th><th scope="col">{text.stageNote}</th></tr></thead>
              <tbody>
                {p.stageHistory.map((h, i) => (
                  <tr key={`${h.changedAt}-${i}`}>
                    <td>{formatDateTime(h.changedAt)}</td>
                    <td>{h.fromStageLabel ? `${h.fromStageLabel} → ${h.toStageLabel}` : `${text.registered}: ${h.toStageLabel}`}</td>
                    <td>{h.note}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : <p className="muted">{text.noHistory}</p>}
      </section>

      {permissions.canChangeStage && <StageChange project={p} />}
      {permissions.canInvite && <Invite project={p} />}
    </article>
  );
}

function Partners({ project: p, answerable }: { project: Project; answerable: string[] }) {
  const common = commonTexts();
  const text = projectTexts();
  const queryClient = useQueryClient();
  const listingIds = [...new Set((p.partners ?? []).flatMap((x) => x.listingIds ?? []))];
  const listings = useQueries({
    queries: listingIds.map((lid) => ({
      queryKey: ['listing', lid],
      queryFn: async () => unwrap(await api.GET('/api/v1/listings/{id}', { params: { path: { id: lid } } })),
      staleTime: 60_000,
    })),
  });
  const titleOf = (lid: string) => listings[listingIds.indexOf(lid)]?.data;
  const answer = useMutation({
    mutationFn: async ({ partnerId, accept }: { partnerId: string; accept: boolean }) => {
      const params = { params: { path: { id: p.id, partnerId } } };
      return accept
        ? unwrap(await api.POST('/api/v1/projects/{id}/partners/{partnerId}/acceptance', params))
        : unwrap(await api.POST('/api/v1/projects/{id}/partners/{partnerId}/declination', params));
    },
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['project', p.id] }),
        queryClient.invalidateQueries({ queryKey: ['projects'] }),
        queryClient.invalidateQueries({ queryKey: ['notifications'] }),
      ]),
  });
  return (
    <section aria-labelledby="partners-heading">
      <h2 id="partners-heading">{text.partners}</h2>
      <ProblemMessage error={answer.error} />
      <ul className="cards">
        {(p.partners ?? []).map((x) => (
          <li className="card" key={x.id} data-testid="partner">
            <h3><Link to={`/organizations/${x.organizationId}`}>{x.organizationName}</Link></h3>
            <p style={{ margin: 0 }}>
              <span className="muted">{common.role}:</span> {x.roleLabel}{' '}
              <span className={`badge ${x.status === 'ACTIVE' ? 'badge-on-track' : x.status === 'DECLINED' ? 'badge-behind' : ''}`}>{x.statusLabel}</span>
            </p>
            {x.contribution && <p style={{ margin: '.25rem 0' }}><span className="muted">{text.contribution}:</span> {x.contribution}</p>}
            {!!x.listingIds?.length && (
              <ul aria-label={`${x.organizationName} ${text.linkedListings}`}>
                {x.listingIds.map((lid, i) => {
                  const l = titleOf(lid);
                  return (
                    <li key={lid}>
                      <Link to={`/listings/${lid}`}>{l ? `${l.kindLabel}: ${l.title}` : `${text.listing} ${i + 1}`}</Link>
                    </li>
                  );
                })}
              </ul>
            )}
            {answerable.includes(x.id) && (
              <div className="notice" role="group" aria-label={text.invitation}>
                <p style={{ margin: 0 }}>{x.organizationName} {text.invitationFor}</p>
                <p style={{ margin: '.5rem 0 0' }}>
                  <button type="button" disabled={answer.isPending} onClick={() => answer.mutate({ partnerId: x.id, accept: true })}>{text.accept}</button>{' '}
                  <button type="button" className="secondary" disabled={answer.isPending} onClick={() => answer.mutate({ partnerId: x.id, accept: false })}>{text.decline}</button>
                </p>
              </div>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

function StageChange({ project: p }: { project: Project }) {
  const common = commonTexts();
  const text = projectTexts();
  const queryClient = useQueryClient();
  const current = p.stage;
  const moves = allowedMoves(current);
  const [target, setTarget] = useState<string>(moves.forward ?? '');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<unknown>();
  const [done, setDone] = useState(false);
  const [saving, setSaving] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setProblem(undefined);
    setDone(false);
    const found = validateStageChange(target, note, current);
    setErrors(found);
    if (Object.keys(found).length) return;
    setSaving(true);
    try {
      const saved = unwrap(await api.POST('/api/v1/projects/{id}/stage-changes', {
        params: { path: { id: p.id } },
        body: { stage: target as Stage, note: note.trim() },
      }));
      queryClient.setQueryData(['project', p.id], saved);
      // The list shows the stage too; it is read again when next shown.
      void queryClient.invalidateQueries({ queryKey: ['projects'] });
      setNote('');
      setTarget(allowedMoves(saved.stage).forward ?? '');
      setDone(true);
    } catch (err) {
      if (err instanceof ApiError && err.problem.errors?.length) setErrors(err.fieldErrors());
      setProblem(err);
    } finally {
      setSaving(false);
    }
  };
  const option = (s: Stage, kind: 'forward' | 'back') => (
    <label key={s}>
      <input type="radio" name="stage" value={s} checked={target === s} onChange={() => setTarget(s)}
        aria-describedby={errors.stage ? 'stage-error' : undefined} />
      {stageNumber(s)}. {text.stages[s]}（{text[kind]}）
    </label>
  );
  return (
    <section aria-labelledby="stage-change-heading">
      <h2 id="stage-change-heading">{text.changeStage}</h2>
      <ProblemMessage error={problem} />
      {done && <p className="notice" role="status">{text.stageChanged}: {p.stageLabel}</p>}
      <form onSubmit={(e) => void submit(e)} noValidate>
        <fieldset className="radios">
          <legend>{text.moveTo}（{text.currentStage}: {text.stages[current]}）</legend>
          {moves.forward ? option(moves.forward, 'forward') : <p className="muted">{text.lastStage}</p>}
          {moves.back.map((s) => option(s, 'back'))}
          <FieldError id="stage-error" message={errors.stage} />
        </fieldset>
        <label htmlFor="stage-note">{text.stageNote}<span className="muted"> （{common.required}）</span></label>
        <textarea
          id="stage-note"
          value={note}
          required
          aria-invalid={errors.note ? true : undefined}
          aria-describedby={errors.note ? 'stage-note-error' : undefined}
          onChange={(e) => setNote(e.target.value)}
        />
        <FieldError id="stage-note-error" message={errors.note} />
        <p><button type="submit" disabled={saving}>{text.saveStage}</button></p>
      </form>
    </section>
  );
}

function Invite({ project: p }: { project: Project }) {
  const common = commonTexts();
  const text = projectTexts();
  const queryClient = useQueryClient();
  const organizations = useQuery({
    queryKey: ['organizations', p.municipalityCode, 'ACTIVE', 'all'],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/municipalities/{code}/organizations', {
        params: { path: { code: p.municipalityCode }, query: { status: 'ACTIVE', size: 100 } },
      })),
  });
  const taken = new Set((p.partners ?? []).filter((x) => x.status !== 'DECLINED').map((x) => x.organizationId));
  const candidates = (organizations.data?.items ?? []).filter((o) => o.status === 'ACTIVE' && !taken.has(o.id));
  const [organizationId, setOrganizationId] = useState('');
  const [role, setRole] = useState<Role>('PARTNER');
  const [contribution, setContribution] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<unknown>();
  const [done, setDone] = useState('');
  const [saving, setSaving] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setProblem(undefined);
    setDone('');
    if (!organizationId) {
      setErrors({ organizationId: text.chooseOrganization });
      return;
    }
    setErrors({});
    setSaving(true);
    try {
      const invited = unwrap(await api.POST('/api/v1/projects/{id}/partners', {
        params: { path: { id: p.id } },
        body: { organizationId, role, contribution: contribution.trim() || undefined },
      }));
      await queryClient.invalidateQueries({ queryKey: ['project', p.id] });
      setOrganizationId('');
      setContribution('');
      setDone(`${text.invited}: ${invited.organizationName ?? ''}`);
    } catch (err) {
      if (err instanceof ApiError && err.problem.errors?.length) setErrors(err.fieldErrors());
      setProblem(err);
    } finally {
      setSaving(false);
    }
  };
  return (
    <section aria-labelledby="invite-heading">
      <h2 id="invite-heading">{text.invite}</h2>
      <ProblemMessage error={problem ?? organizations.error} />
      {done && <p className="notice" role="status">{done}</p>}
      <form onSubmit={(e) => void submit(e)} noValidate>
        <label htmlFor="invite-organization">{text.organization}<span className="muted"> （{common.required}）</span></label>
        <select
          id="invite-organization"
          value={organizationId}
          aria-invalid={errors.organizationId ? true : undefined}
          aria-describedby={errors.organizationId ? 'invite-organization-error' : undefined}
          onChange={(e) => setOrganizationId(e.target.value)}
        >
          <option value="">{text.chooseOrganization}</option>
          {candidates.map((o) => <option key={o.id} value={o.id}>{o.name}</option>)}
        </select>
        <FieldError id="invite-organization-error" message={errors.organizationId} />
        <label htmlFor="invite-role">{common.role}</label>
        <select id="invite-role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
          {partnerRoles.filter((r) => r !== 'LEAD').map((r) => <option key={r} value={r}>{text.roles[r]}</option>)}
        </select>
        <FieldError id="invite-role-error" message={errors.role} />
        <label htmlFor="invite-contribution">{text.contribution}</label>
        <textarea
          id="invite-contribution"
          value={contribution}
          aria-invalid={errors.contribution ? true : undefined}
          aria-describedby={errors.contribution ? 'invite-contribution-error' : undefined}
          onChange={(e) => setContribution(e.target.value)}
        />
        <FieldError id="invite-contribution-error" message={errors.contribution} />
        <p><button type="submit" disabled={saving}>{text.sendInvitation}</button></p>
      </form>
    </section>
  );
}

