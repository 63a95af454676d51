import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { api, unwrap } from '../../api/client';
import { ListingCard } from '../../components/ListingCard';
import { ProblemMessage } from '../../components/Problem';
import { isStaffOf, useMe } from '../../lib/auth';
import { commonTexts } from '../../lib/texts';
import { useAreas, useThemes } from '../../lib/vocabulary';
import { EventsSection } from '../events';
import { OrganizationInbox, SendMessage } from '../messages';
import { WebhooksPanel } from '../webhooks';
import { MembersPanel } from './MembersPanel';
import { organizationTexts } from './texts';

function OrganizationListings({ organizationId }: { organizationId: string }) {
  const common = commonTexts();
  const listings = useQuery({
    queryKey: ['listings', 'organization', organizationId],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/organizations/{id}/listings', { params: { path: { id: organizationId }, query: { size: 50 } } })),
  });
  if (!listings.data?.items?.length) return null;
  return (
    <section>
      <h2>{common.listings}</h2>
      <ul className="cards">{listings.data.items.map((l) => <ListingCard key={l.id} listing={l} />)}</ul>
    </section>
  );
}

/**
 * An organisation's public page: the contact fields it chose to publish, and a message form
 * for everything else. Members and staff also see every contact field, the inbox and tools.
 */
export default function OrganizationPage() {
  const common = commonTexts();
  const text = organizationTexts();
  const id = useParams().id!;
  const queryClient = useQueryClient();
  const { data: me } = useMe();
  const query = useQuery({
    queryKey: ['organization', id],
    queryFn: async () => unwrap(await api.GET('/api/v1/organizations/{id}', { params: { path: { id } } })),
  });
  const o = query.data;
  const themes = useThemes();
  const areas = useAreas(o?.municipalityCode ?? '');
  const isStaff = isStaffOf(me, o?.municipalityCode);
  const canEdit = !!o && (!!o.myRole || isStaff);
  const approve = useMutation({
    mutationFn: async () => unwrap(await api.POST('/api/v1/organizations/{id}/approval', { params: { path: { id } } })),
    onSuccess: (data) => queryClient.setQueryData(['organization', id], data),
  });
  if (query.error) return <ProblemMessage error={query.error} />;
  if (!o) return <p>{common.loading}</p>;
  const themeLabel = (code: string) => themes.data?.items?.find((th) => th.code === code)?.label ?? code;
  const areaName = (areaId: string) => areas.data?.items?.find((a) => a.id === areaId)?.name ?? areaId;
  return (
    <article>
      <h1>{o.name}</h1>
      {o.nameKana && <p className="muted">{o.nameKana}</p>}
      {o.status === 'PENDING' && <p className="notice">{text.pendingNotice}</p>}
      <dl className="facts">
        <dt>{text.type}</dt><dd>{o.typeLabel}</dd>
        <dt>{text.bond}</dt><dd>{o.bondLabel}</dd>
        <dt>{common.status}</dt><dd>{o.statusLabel}</dd>
        <dt>{common.themes}</dt>
        <dd><ul className="chips">{o.themes?.map((th) => <li className="chip" key={th}>{themeLabel(th)}</li>)}</ul></dd>
        <dt>{common.activeAreas}</dt>
        <dd>{o.areaIds?.length ? o.areaIds.map(areaName).join('、') : text.cityWide}</dd>
        {o.website && (<><dt>{text.website}</dt><dd><a href={o.website} rel="noopener noreferrer">{o.website}</a></dd></>)}
      </dl>
      {o.description && <p>{o.description}</p>}
      <h2>{text.contact}</h2>
      {o.contact ? (
        <dl className="facts">
          {o.contact.name && (<><dt>{common.contactName}</dt><dd>{o.contact.name}</dd></>)}
          {o.contact.email && (<><dt>{common.email}</dt><dd><a href={`mailto:${o.contact.email}`}>{o.contact.email}</a></dd></>)}
          {o.contact.phone && (<><dt>{common.phone}</dt><dd>{o.contact.phone}</dd></>)}
        </dl>
      ) : (
        <p className="muted">{text.contactHidden}</p>
      )}
      {!canEdit && <p className="muted">{text.contactViaMessage}</p>}
      {canEdit && (
        <p>
          <Link className="button" to={`/organizations/${id}/edit`}>{common.edit}</Link>{' '}
          {o.myRole && o.status === 'ACTIVE' && (
            <Link className="button secondary" to={`/organizations/${id}/listings/new`}>{common.postListing}</Link>
          )}
        </p>
      )}
      <OrganizationListings organizationId={id} />
      <EventsSection municipalityCode={o.municipalityCode} organizationId={id} />
      {!canEdit && o.status === 'ACTIVE' && <SendMessage organizationId={id} signedIn={!!me} />}
      {canEdit && <OrganizationInbox organizationId={id} />}
      {isStaff && o.status === 'PENDING' && (
        <p>
          <button type="button" onClick={() => approve.mutate()} disabled={approve.isPending}>{common.approve}</button>
        </p>
      )}
      <ProblemMessage error={approve.error} />
      {o.myRole === 'OWNER' && <MembersPanel organizationId={id} myUserId={me?.id} />}
      {(o.myRole === 'OWNER' || isStaff) && <WebhooksPanel owner={{ organizationId: id }} />}
    </article>
  );
}
