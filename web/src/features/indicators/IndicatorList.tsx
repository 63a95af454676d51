import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { api, unwrap } from '../../api/client';
import { ProblemMessage } from '../../components/Problem';
import { isStaffOf, useMe } from '../../lib/auth';
import { statusBadge } from '../../lib/indicatorStatus';
import { useMunicipality } from '../../lib/municipality';
import { commonTexts } from '../../lib/texts';
import { indicatorTexts } from './texts';

/** A municipality's indicators (成果指標) at a glance, each with its status badge. */
export default function IndicatorList() {
  const common = commonTexts();
  const text = indicatorTexts();
  const code = useParams().code!;
  const municipality = useMunicipality(code);
  const { data: me } = useMe();
  const indicators = useQuery({
    queryKey: ['indicators', code],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/municipalities/{code}/indicators', { params: { path: { code }, query: { size: 100 } } })),
  });
  return (
    <>
      <h1>{municipality.data?.name} {common.indicators}</h1>
      {isStaffOf(me, code) && <p><Link className="button" to={`/m/${code}/indicators/new`}>{text.newIndicator}</Link></p>}
      <ProblemMessage error={indicators.error} />
      {indicators.data?.items.length === 0 && <p>{common.nothingFound}</p>}
      <ul className="cards">
        {indicators.data?.items.map((i) => {
          const badge = statusBadge(i.status);
          const latest = i.actuals.at(-1);
          return (
            <li className="card" key={i.id}>
              <h2 style={{ margin: 0, fontSize: '1.05rem' }}><Link to={`/indicators/${i.id}`}>{i.name}</Link></h2>
              <p>
                <span className={badge.className}>{badge.symbol} {i.statusLabel}</span>
                {i.computed && <>{' '}<span className="badge">{text.computedBadge}</span></>}
              </p>
              <p className="muted">
                {latest ? `${latest.fiscalYearLabel}: ${latest.value} ${i.unit}` : text.noActualYet}
              </p>
            </li>
          );
        })}
      </ul>
    </>
  );
}
