import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { api, type Schemas, unwrap } from '../../api/client';
import { ProblemMessage } from '../../components/Problem';
import { useMe } from '../../lib/auth';
import { useMunicipality } from '../../lib/municipality';
import { hasNextPage, resultCount } from '../../lib/paging';
import { commonTexts } from '../../lib/texts';
import { type Stage, stageNumber, stages } from './projectLogic';
import { projectTexts } from './texts';

const PAGE_SIZE = 12;

/** A municipality's co-creation projects (協創の場), with Japanese search and a stage filter. */
export default function ProjectList() {
  const common = commonTexts();
  const text = projectTexts();
  const code = useParams().code!;
  const municipality = useMunicipality(code);
  const { data: me } = useMe();
  const [params, setParams] = useSearchParams();
  const criteria = { q: params.get('q') ?? '', stage: params.get('stage') ?? '', area: params.get('area') ?? '' };
  const [draft, setDraft] = useState(criteria);
  const page = Number(params.get('page') ?? '0');
  const result = useQuery({
    queryKey: ['projects', code, criteria, page],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/municipalities/{code}/projects', {
        params: {
          path: { code },
          query: {
            q: criteria.q || undefined,
            stage: (criteria.stage || undefined) as Stage | undefined,
            area: criteria.area || undefined,
            page,
            size: PAGE_SIZE,
          },
        },
      })),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const next = new URLSearchParams();
    Object.entries(draft).forEach(([k, v]) => v && next.set(k, v));
    setParams(next);
  };
  const goTo = (n: number) => {
    const next = new URLSearchParams(params);
    next.set('page', String(n));
    setParams(next);
  };
  const total = result.data?.total ?? 0;
  return (
    <>
      <h1>{municipality.data?.name} {common.projects}</h1>
      {me && (
        <p><Link className="button" to={`/m/${code}/projects/new`}>{text.newProject}</Link></p>
      )}
      <form role="search" className="filters" onSubmit={submit}>
        <div>
          <label htmlFor="q">{common.keyword}</label>
          <input id="q" type="search" value={draft.q} onChange={(e) => setDraft({ ...draft, q: e.target.value })} />
        </div>
        <div>
          <label htmlFor="stage">{text.stage}</label>
          <select id="stage" value={draft.stage} onChange={(e) => setDraft({ ...draft, stage: e.target.value })}>
            <option value="">{common.all}</option>
            {stages.map((s) => <option key={s} value={s}>{stageNumber(s)}. {text.stages[s]}</option>)}
          </select>
        </div>
        <div><button type="submit">{common.search}</button></div>
      </form>
      <ProblemMessage error={result.error} />
      <p aria-live="polite" className="muted">
        {result.isPending ? common.loading : total === 0 ? text.noProjects : resultCount(result.data)}
      </p>
      <ul className="cards">{result.data?.items?.map((p) => <ProjectCard key={p.id} project={p} />)}</ul>
      {(page > 0 || hasNextPage(result.data, page)) && (
        <nav className="pager" aria-label={common.pages}>
          {page > 0 && <button type="button" className="secondary" onClick={() => goTo(page - 1)}>{common.previous}</button>}
          {hasNextPage(result.data, page) && <button type="button" className="secondary" onClick={() => goTo(page + 1)}>{common.next}</button>}
        </nav>
      )}
    </>
  );
}

function ProjectCard({ project: p }: { project: Schemas['Project'] }) {
  const text = projectTexts();
  const active = (p.partners ?? []).filter((x) => x.status === 'ACTIVE');
  return (
    <li className="card">
      <p style={{ margin: 0 }}>
        <span className="badge">{text.stage} {p.stage ? stageNumber(p.stage) : ''}/{stages.length}: {p.stageLabel}</span>{' '}
        {!p.published && <span className="badge">{text.unpublished}</span>}
      </p>
      <h2 className="card-title"><Link to={`/projects/${p.id}`}>{p.title}</Link></h2>
      <p className="muted" style={{ margin: 0 }}>{text.domain}: {p.domainLabel}</p>
      {active.length > 0 && (
        <p style={{ margin: '.25rem 0 0' }}>
          <span className="muted">{text.partners}:</span> {active.map((x) => x.organizationName).join('、')}
        </p>
      )}
    </li>
  );
}
