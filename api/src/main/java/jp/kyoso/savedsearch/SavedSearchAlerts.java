package jp.kyoso.savedsearch;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jp.kyoso.core.persistence.ByIds;
import jp.kyoso.event.Event;
import jp.kyoso.event.EventPublished;
import jp.kyoso.listing.Listing;
import jp.kyoso.listing.ListingChanged;
import jp.kyoso.notification.NotificationKind;
import jp.kyoso.notification.Notifications;
import jp.kyoso.organization.Organization;

import java.util.List;
import java.util.UUID;

/**
 * Tells savers of new items that match their saved searches. The new item is evaluated against the
 * saved searches (not every search re-run for every item): one statement finds the saved searches of
 * the item's municipality and target whose criteria the item meets — kind, category, theme, an area
 * that is one of the item's areas or an ancestor of one, every folded term of q in the item's
 * search_text — and records a hit per saved search (its primary key makes it once per item per saved
 * search, even if the item is published again); a second reads the savers, and each gets an inbox
 * entry (mailed at their frequency by the mail feature). So the cost per new item is a constant
 * number of statements plus one insert per saver told, whatever the number of saved searches.
 * Only public items are announced (an OPEN listing of an ACTIVE organisation when it is created; a
 * listed event when it is published), so every saver may see them; a saver who is a member of the
 * item's organisation (or, for an event, of a co-organiser, or its creator) is never told of it.
 */
@ApplicationScoped
public class SavedSearchAlerts {

    private static final String AREA_MATCHES = """
            (s.area_id is null or s.area_id in (
                with recursive up(id, parent_id) as (
                    select a.id, a.parent_id from area a where a.id = any(%1$s.area_ids)
                    union
                    select a.id, a.parent_id from area a join up on a.id = up.parent_id)
                select id from up))
            and not exists (select 1 from unnest(s.q_terms) t where strpos(%1$s.search_text, t) = 0)
            and (s.theme is null or s.theme = any(%1$s.themes))
            and (s.kind is null or s.kind = %1$s.kind)""";

    @Inject EntityManager em;
    @Inject Notifications notifications;

    void onListingChanged(@Observes ListingChanged changed) {
        if (!changed.created()) {
            return;
        }
        Listing listing = Listing.findById(changed.listingId());
        Organization org = listing == null ? null : Organization.findById(listing.organizationId);
        if (listing == null || !listing.isOpen() || org == null || !org.isActive()) {
            return;
        }
        List<UUID> hits = hits("""
                insert into saved_search_hit (saved_search_id, item_id)
                select s.id, l.id from listing l join saved_search s
                    on s.municipality_code = l.municipality_code and s.target = 'LISTING'
                where l.id = ?1
                  and (s.category is null or s.category = l.category)
                  and %s
                  and not exists (select 1 from organization_membership m
                                  where m.organization_id = l.organization_id and m.user_id = s.user_id)
                on conflict do nothing
                returning saved_search_id""".formatted(AREA_MATCHES.formatted("l")), listing.id);
        tell(hits, s -> new Notifications.Event(NotificationKind.SAVED_SEARCH_MATCH, listing.municipalityCode, null,
                listing.id, null, org.id, listing.title, s.name, org.name));
    }

    void onEventPublished(@Observes EventPublished published) {
        Event event = Event.findById(published.eventId());
        if (event == null || !event.listed) {
            return;
        }
        Organization org = event.organizationId == null ? null : Organization.findById(event.organizationId);
        List<UUID> hits = hits("""
                insert into saved_search_hit (saved_search_id, item_id)
                select s.id, e.id from event e join saved_search s
                    on s.municipality_code = e.municipality_code and s.target = 'EVENT'
                where e.id = ?1 and e.deleted_at is null and e.status = 'PUBLISHED'
                  and %s
                  and e.created_by is distinct from s.user_id
                  and not exists (select 1 from organization_membership m
                                  where (m.organization_id = e.organization_id or m.organization_id = any(e.co_organizer_ids))
                                    and m.user_id = s.user_id)
                on conflict do nothing
                returning saved_search_id""".formatted(AREA_MATCHES.formatted("e")), event.id);
        tell(hits, s -> new Notifications.Event(NotificationKind.SAVED_SEARCH_MATCH, event.municipalityCode, null,
                null, null, org == null ? null : org.id, event.title, s.name, org == null ? null : org.name));
    }

    @SuppressWarnings("unchecked")
    private List<UUID> hits(String sql, UUID itemId) {
        return em.createNativeQuery(sql).setParameter(1, itemId).getResultList();
    }

    private void tell(List<UUID> hits, java.util.function.Function<SavedSearch, Notifications.Event> event) {
        if (hits.isEmpty()) {
            return;
        }
        for (SavedSearch s : ByIds.load(SavedSearch.class, hits).values()) {
            notifications.tellUser(s.userId, event.apply(s));
        }
    }
}
