package jp.kyoso.matching;

import jp.kyoso.listing.Listing;
import jp.kyoso.listing.ListingCategory;
import jp.kyoso.listing.ListingKind;

import java.util.UUID;

/** What the scoring reads of a listing: the columns candidate preselection returns. */
public record MatchFeatures(UUID id, UUID organizationId, ListingKind kind, ListingCategory category,
                            String[] themes, UUID[] areaIds, String[] keys, Integer remaining, String unit) {

    public static MatchFeatures of(Listing listing) {
        return new MatchFeatures(listing.id, listing.organizationId, listing.kind, listing.category, listing.themes,
                listing.areaIds, listing.matchKeys, listing.remaining(), listing.unit);
    }
}
