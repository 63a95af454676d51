package jp.kyoso.listing;

/**
 * How a listing's text becomes the keys matching compares (words, topics and concepts of the
 * vocabulary), answered by the matching feature: the listing stores them so that candidates can
 * be preselected by an index.
 */
public interface ListingKeywords {

    /** The keys of a title and a description. */
    String[] keysOf(String title, String description);

    /** The keys specific enough to preselect candidates with. */
    String[] specific(String[] keys);
}
