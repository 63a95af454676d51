package jp.kyoso.listing;

import java.util.Collection;
import java.util.Set;
import java.util.UUID;

/**
 * What listings need to know of the matches made on them, answered by the matching feature (a
 * port, so that listings do not depend on matching, which depends on listings).
 */
public interface ListingMatches {

    /**
     * Whether the caller belongs to an organisation on either side of a proposed or agreed match on
     * this listing ({@code agreedOnly}: accepted or fulfilled, the matches that share contacts).
     */
    boolean isParty(UUID listingId, boolean agreedOnly);

    /** Of {@code listingIds}, those on which the caller is such a party (for a page of listings at once). */
    Set<UUID> partyTo(Collection<UUID> listingIds, boolean agreedOnly);

    /** Whether a proposal or an agreement on the listing is still open. */
    boolean hasLiveMatches(UUID listingId);

    /** Suggestions are hints of the platform: they go with a deleted listing. */
    void forgetSuggestions(UUID listingId);
}
