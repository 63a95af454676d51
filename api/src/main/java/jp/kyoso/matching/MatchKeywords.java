package jp.kyoso.matching;

import jakarta.enterprise.context.ApplicationScoped;
import jp.kyoso.listing.ListingKeywords;

/** A listing's matching keys, as {@link MatchTerms} reads its text. */
@ApplicationScoped
public class MatchKeywords implements ListingKeywords {

    @Override
    public String[] keysOf(String title, String description) {
        return MatchTerms.keysOf(title, description);
    }

    @Override
    public String[] specific(String[] keys) {
        return MatchTerms.specific(keys);
    }
}
