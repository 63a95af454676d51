package jp.kyoso.listing;

import java.util.UUID;

/** Fired inside the transaction that created or changed a listing (matching reacts to it). */
public record ListingChanged(UUID listingId, boolean created) {
}
