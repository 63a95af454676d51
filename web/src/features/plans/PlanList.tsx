import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { api, unwrap } from '../../api/client';
import { ProblemMessage } from '../../components/Problem';
import { isStaffOf, useMe } from '../../lib/auth';
import { fiscalYearTitle } from '../../lib/fiscalYear';
import { useMunicipality } from '../../lib/municipality';
import { commonTexts } from '../../lib/texts';
import { planTexts } from './texts';

/** A municipality's plans (地域づくり計画・推進プラン). */
export default function PlanList() {
  const common = commonTexts();
  const text = planTexts();
  const code = useParams().code!;
  const municipality = useMunicipality(code);
  const { data: me } = useMe();
  // Staff write the municipality's plans; council editors their council's (the form offers which).
  const canCreate = isStaffOf(me, code)
    || !!me?.organizations.some((o) => o.municipalityCode === code && o.organizationStatus === 'ACTIVE');
  const plans = useQuery({
    queryKey: ['plans', code],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/municipalities/{code}/plans', { params: { path: { code }, query: { size: 50 } } })),
  });
  return (
    <>
      <h1>{municipality.data?.name} {common.plans}</h1>
      {canCreate && <p><Link className="button" to={`/m/${code}/plans/new`}>＋ {text.newPlan}</Link></p>}
      <ProblemMessage error={plans.error} />
      {plans.data?.items?.length === 0 && <p>{common.nothingFound}</p>}
      <ul className="cards">
        {plans.data?.items?.map((p) => (
          <li className="card" key={p.id}>
            <h2 style={{ margin: 0, fontSize: '1.05rem' }}><Link to={`/plans/${p.id}`}>{p.title}</Link></h2>
            <p className="muted">
              {p.ownerName} ・ {p.statusLabel} ・{' '}
              <span title={fiscalYearTitle(p.startFiscalYear)}>{p.startFiscalYearLabel}</span>〜
              <span title={fiscalYearTitle(p.endFiscalYear)}>{p.endFiscalYearLabel}</span>
            </p>
          </li>
        ))}
      </ul>
    </>
  );
}
