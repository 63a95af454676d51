import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { api, unwrap } from '../../api/client';
import { ProblemMessage } from '../../components/Problem';
import { formatPercent } from '../../lib/format';
import { currentLanguage, t } from '../../lib/i18n';
import { type IndicatorStatus, statusBadge } from '../indicators/indicatorDisplay';
import { ListingCard } from '../listings/ListingCard';
import { useMunicipality } from './useMunicipality';

const say = (ja: string, en: string) => (currentLanguage() === 'en' ? en : ja);

/**
 * A municipality's home: what is happening in its co-creation — new haves and needs, active
 * projects, how its plans progress and its indicators at a glance.
 */
export default function MunicipalityHome() {
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
          <h1>{currentLanguage() === 'en' ? `${m.name}: ${m.conceptLabel} town planning` : `${m.name}の${m.conceptLabel}のまちづくり`}</h1>
          <p className="muted">{m.prefecture} ・ {m.nameKana}</p>
        </>
      )}

      <h2>{say('新しい「有る・無い」', 'New haves and needs')}</h2>
      <ProblemMessage error={listings.error} />
      <ul className="cards">{listings.data?.items?.map((l) => <ListingCard key={l.id} listing={l} />)}</ul>
      <p><Link to={`/m/${code}/listings`}>{say('すべての「有る・無い」', 'All haves and needs')}</Link></p>

      <h2>{say('進行中の協創の場', 'Co-creation projects')}</h2>
      <ProblemMessage error={projects.error} />
      {projects.data?.items?.length === 0 && <p className="muted">{t('nothingFound')}</p>}
      <ul className="cards">
        {projects.data?.items?.map((p) => (
          <li className="card" key={p.id}>
            <h3><Link to={`/projects/${p.id}`}>{p.title}</Link></h3>
            <p className="muted" style={{ margin: 0 }}>{p.stageLabel} ・ {p.domainLabel}</p>
          </li>
        ))}
      </ul>

      <p><Link to={`/m/${code}/projects`}>{say('すべての協創の場', 'All co-creation projects')}</Link></p>

      <h2>{t('plans')}</h2>
      <ProblemMessage error={plans.error} />
      <ul className="cards">
        {plans.data?.items?.map((p) => <PlanSummary key={p.id} id={p.id!} title={p.title!} />)}
      </ul>

      <h2>{t('indicators')}</h2>
      <ProblemMessage error={indicators.error} />
      <ul className="cards">
        {indicators.data?.items?.map((i) => {
          const badge = statusBadge(i.status as IndicatorStatus);
          return (
            <li className="card" key={i.id}>
              <h3><Link to={`/indicators/${i.id}`}>{i.name}</Link></h3>
              <span className={badge.className}>{badge.symbol} {i.statusLabel}</span>
            </li>
          );
        })}
      </ul>
      <p><Link to={`/m/${code}/organizations`}>{say('団体を探す', 'Find organisations')}</Link> ・ <Link to={`/m/${code}/areas`}>{t('areas')}</Link></p>
    </>
  );
}

/** One plan's share of DONE and ONGOING items in its latest fiscal year. */
function PlanSummary({ id, title }: { id: string; title: string }) {
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
          {progress.data?.fiscalYearLabel}: {say('実施済', 'Done')} {formatPercent(percents?.DONE)} ・ {say('継続推進', 'Ongoing')} {formatPercent(percents?.ONGOING)}
          （{overall.total} {say('項目', 'items')}）
        </p>
      )}
    </li>
  );
}
