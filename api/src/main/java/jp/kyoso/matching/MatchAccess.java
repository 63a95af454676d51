package jp.kyoso.matching;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jp.kyoso.core.search.SqlArrays;
import jp.kyoso.core.security.CurrentUser;
import jp.kyoso.listing.ListingMatches;
import jp.kyoso.organization.MyMemberships;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** What listings need to know about their matches: who may see them and whether any are live. */
@ApplicationScoped
public class MatchAccess implements ListingMatches {

    @Inject EntityManager em;
    @Inject CurrentUser currentUser;
    @Inject MyMemberships memberships;

    /**
     * Whether the caller belongs to an organisation on either side of a proposed or agreed match on
     * this listing ({@code agreedOnly}: accepted or fulfilled, the matches that share contacts).
     */
    @Override
    public boolean isParty(UUID listingId, boolean agreedOnly) {
        return !partyTo(List.of(listingId), agreedOnly).isEmpty();
    }

    /** One statement for a page of listings; none when the caller belongs to no organisation. */
    @Override
    public Set<UUID> partyTo(Collection<UUID> listingIds, boolean agreedOnly) {
        List<UUID> mine = currentUser.isAuthenticated() ? memberships.organizationIds() : List.of();
        if (mine.isEmpty() || listingIds.isEmpty()) {
            return Set.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select need_id, have_id from listing_match
                        where (need_id = any(cast(?1 as uuid[])) or have_id = any(cast(?1 as uuid[])))
                          and (need_organization_id = any(cast(?2 as uuid[])) or have_organization_id = any(cast(?2 as uuid[])))
                          and status in """
                        + (agreedOnly ? "('ACCEPTED', 'FULFILLED')" : "('PROPOSED', 'ACCEPTED', 'FULFILLED')"))
                .setParameter(1, SqlArrays.literal(listingIds)).setParameter(2, SqlArrays.literal(mine))
                .getResultList();
        Set<UUID> party = new HashSet<>();
        for (Object[] r : rows) {
            party.add((UUID) r[0]);
            party.add((UUID) r[1]);
        }
        party.retainAll(new HashSet<>(listingIds));
        return party;
    }

    @Override
    public boolean hasLiveMatches(UUID listingId) {
        return Match.count("(needId = ?1 or haveId = ?1) and status in (?2)", listingId,
                List.of(MatchStatus.PROPOSED, MatchStatus.ACCEPTED)) > 0;
    }

    /** Suggestions are hints of the platform: they go with a deleted listing. */
    @Override
    public void forgetSuggestions(UUID listingId) {
        Match.delete("(needId = ?1 or haveId = ?1) and status = ?2", listingId, MatchStatus.SUGGESTED);
    }
}
