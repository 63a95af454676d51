package jp.kyoso.matching;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jp.kyoso.core.security.CurrentUser;
import jp.kyoso.listing.ListingMatches;
import jp.kyoso.organization.MyMemberships;

import java.util.List;
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
        if (!currentUser.isAuthenticated()) {
            return false;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select need_organization_id, have_organization_id from listing_match
                        where (need_id = ?1 or have_id = ?1) and status in """
                        + (agreedOnly ? "('ACCEPTED', 'FULFILLED')" : "('PROPOSED', 'ACCEPTED', 'FULFILLED')"))
                .setParameter(1, listingId)
                .getResultList();
        return rows.stream().anyMatch(r -> memberships.roleIn((UUID) r[0]).isPresent()
                || memberships.roleIn((UUID) r[1]).isPresent());
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
