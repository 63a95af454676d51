import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { Schemas } from '../api/client';

/** A have or a need as a card: kind, category, title and organisation; the caller may add more. */
export function ListingCard({ listing: l, children }: { listing: Schemas['Listing']; children?: ReactNode }) {
  return (
    <li className="card">
      <p style={{ margin: 0 }}>
        <span className={`badge ${l.kind === 'HAVE' ? 'badge-on-track' : 'badge-behind'}`}>{l.kindLabel}</span>{' '}
        <span className="muted">{l.categoryLabel}{l.status !== 'OPEN' ? ` ・ ${l.statusLabel}` : ''}</span>
      </p>
      <h3><Link to={`/listings/${l.id}`}>{l.title}</Link></h3>
      <p className="muted" style={{ margin: 0 }}>{l.organizationName}</p>
      {children}
    </li>
  );
}
