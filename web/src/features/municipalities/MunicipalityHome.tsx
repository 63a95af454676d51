import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import { api, unwrap } from '../../api/client';
import { ProblemMessage } from '../../components/Problem';
import { t } from '../../lib/i18n';
import { OrganizationCard } from '../organizations/OrganizationCard';
import { useMunicipality } from './useMunicipality';

/** A municipality's home: what is happening in its co-creation. */
export default function MunicipalityHome() {
  const code = useParams().code!;
  const municipality = useMunicipality(code);
  const organizations = useQuery({
    queryKey: ['organizations', code, 'home'],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/municipalities/{code}/organizations', {
        params: { path: { code }, query: { size: 6 } },
      })),
  });
  const areas = useQuery({
    queryKey: ['areas', code],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/municipalities/{code}/areas', { params: { path: { code }, query: { size: 100 } } })),
  });
  const m = municipality.data;
  return (
    <>
      <ProblemMessage error={municipality.error} />
      {m && (
        <>
          <h1>{m.name}の{m.conceptLabel}のまちづくり</h1>
          <p className="muted">{m.prefecture} ・ {m.nameKana}</p>
        </>
      )}
      <ul className="cards" aria-label={t('organizations')}>
        <li className="card">
          <h2 style={{ marginTop: 0 }}>{t('organizations')}</h2>
          <p>{organizations.data ? `${organizations.data.total} ${t('results')}` : t('loading')}</p>
          <Link to={`/m/${code}/organizations`}>{t('search')}</Link>
        </li>
        <li className="card">
          <h2 style={{ marginTop: 0 }}>{t('areas')}</h2>
          <p>{areas.data ? `${areas.data.total} ${t('results')}` : t('loading')}</p>
          <Link to={`/m/${code}/areas`}>{t('areas')}</Link>
        </li>
      </ul>
      <h2>{t('recentOrganizations')}</h2>
      <ProblemMessage error={organizations.error} />
      <ul className="cards">
        {organizations.data?.items?.map((o) => <OrganizationCard key={o.id} organization={o} />)}
      </ul>
    </>
  );
}
