import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { api, unwrap } from '../../api/client';
import { ListingCard } from '../../components/ListingCard';
import { ProblemMessage } from '../../components/Problem';
import { formatPercent } from '../../lib/format';
import { statusBadge } from '../../lib/indicatorStatus';
import { useMunicipality } from '../../lib/municipality';
import { commonTexts } from '../../lib/texts';
import { municipalityTexts } from './texts';

/**
 * A municipality's home: what is happening in its co-creation — new haves and needs, active
 * projects, how its plans progress and its indicators at a glance.
 */
export default function MunicipalityHome() {
  const common = commonTexts();
  const text = municipalityTexts();
  const code = useParams().code!;
  const municipality = useMunicipality(code);
  const listings = useQuery({
    queryKey: ['listings', code, 'home'],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/municipalities/{code}/listings', { params: { path: { code }, query: { size: 6 } } })),
  });
  const projects = useQuery({
    queryKey: ['projects', code, 'home'],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/municipalities/{code}/projects', { params: { path: { code }, query: { size: 6 } } })),
  });
  const plans = useQuery({
    queryKey: ['plans', code, 'home'],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/municipalities/{code}/plans', { params: { path: { code }, query: { size: 3 } } })),
  });
  const indicators = useQuery({
    queryKey: ['indicators', code, 'home'],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/municipalities/{code}/indicators', { params: { path: { code }, query: { size: 6 } } })),
  });
  const m = municipality.data;
  return (
    <>
      <ProblemMessage error={municipality.error} />
      {m && (
        <>
          <h1>{text.homeHeading(m.name, m.conceptLabel)}</h1>
          <p className="muted">{m.prefecture} ・ {m.nameKana}</p>
        </>
      )}

      <h2>{text.newListings}</h2>
      <ProblemMessage error={listings.error} />
      <ul className="cards">{listings.data?.items.map((l) => <ListingCard key={l.id} listing={l} />)}</ul>
      <p><Link to={`/m/${code}/listings`}>{text.allListings}</Link> ・ <Link to={`/m/${code}/brokering`}>{text.brokering}</Link></p>

      <h2>{text.activeProjects}</h2>
      <ProblemMessage error={projects.error} />
      {projects.data?.items.length === 0 && <p className="muted">{common.nothingFound}</p>}
      <ul className="cards">
        {projects.data?.items.map((p) => (
          <li className="card" key={p.id}>
            <h3><Link to={`/projects/${p.id}`}>{p.title}</Link></h3>
            <p className="muted" style={{ margin: 0 }}>{p.stageLabel} ・ {p.domainLabel}</p>
          </li>
        ))}
      </ul>

      <p><Link to={`/m/${code}/projects`}>{text.allProjects}</Link></p>

      <h2>{common.plans}</h2>
      <ProblemMessage error={plans.error} />
      <ul className="cards">
        {plans.data?.items.map((p) => <PlanSummary key={p.id} id={p.id} title={p.title} />)}
      </ul>

      <h2>{common.indicators}</h2>
      <ProblemMessage error={indicators.error} />
      <ul className="cards">
        {indicators.data?.items.map((i) => {
          const badge = statusBadge(i.status);
          return (
            <li className="card" key={i.id}>
              <h3><Link to={`/indicators/${i.id}`}>{i.name}</Link></h3>
              <span className={badge.className}>{badge.symbol} {i.statusLabel}</span>
            </li>
          );
        })}
      </ul>
      <p><Link to={`/m/${code}/organizations`}>{text.findOrganizations}</Link> ・ <Link to={`/m/${code}/areas`}>{common.areas}</Link> ・ <Link to={`/m/${code}/open-data`}>{common.openData}</Link></p>
    </>
  );
}

/** One plan's share of DONE and ONGOING items in its latest fiscal year. */
function PlanSummary({ id, title }: { id: string; title: string }) {
  const text = municipalityTexts();
  const progress = useQuery({
    queryKey: ['plan', id, 'progress', 'latest'],
    queryFn: async () => unwrap(await api.GET('/api/v1/plans/{id}/progress', { params: { path: { id } } })),
  });
  const overall = progress.data?.overall;
  const percents = overall?.percents as Record<string, number> | undefined;
  return (
    <li className="card">
      <h3><Link to={`/plans/${id}`}>{title}</Link></h3>
      {overall && (
        <p className="muted" style={{ margin: 0 }}>
          {progress.data?.fiscalYearLabel}: {text.done} {formatPercent(percents?.DONE)} ・ {text.ongoing} {formatPercent(percents?.ONGOING)}
          （{overall.total} {text.items}）
        </p>
      )}
    </li>
  );
}
