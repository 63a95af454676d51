import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, unwrap } from '../../api/client';
import { ProblemMessage } from '../../components/Problem';
import { commonTexts } from '../../lib/texts';
import { municipalityTexts } from './texts';

/** The first screen: what Kyoso is and which municipalities use it. */
export function MunicipalityList() {
  const common = commonTexts();
  const text = municipalityTexts();
  const { data, error, isPending } = useQuery({
    queryKey: ['municipalities'],
    queryFn: async () => unwrap(await api.GET('/api/v1/municipalities', { params: { query: { size: 100 } } })),
  });
  return (
    <>
      <h1>{text.tagline}</h1>
      <h2>{text.chooseMunicipality}</h2>
      {isPending && <p>{common.loading}</p>}
      <ProblemMessage error={error} />
      <ul className="cards">
        {data?.items.map((m) => (
          <li className="card" key={m.code}>
            <h3><Link to={`/m/${m.code}`}>{m.name}</Link></h3>
            <p className="muted">{m.prefecture} ・ {m.conceptLabel}</p>
          </li>
        ))}
      </ul>
    </>
  );
}
