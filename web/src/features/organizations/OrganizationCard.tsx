import { Link } from 'react-router';
import type { Schemas } from '../../api/client';

export function OrganizationCard({ organization: o }: { organization: Schemas['Organization'] }) {
  return (
    <li className="card">
      <h3><Link to={`/organizations/${o.id}`}>{o.name}</Link></h3>
      <p className="muted">{o.typeLabel} ・ {o.bondLabel}{o.status !== 'ACTIVE' ? ` ・ ${o.statusLabel}` : ''}</p>
      {o.description && <p>{o.description.length > 80 ? `${o.description.slice(0, 80)}…` : o.description}</p>}
    </li>
  );
}
