package jp.kyoso.matching;

/** Why a have and a need fit: the machine-readable part of a match reason. */
public enum ReasonCode {
    /** Both are the same category (values: the category). */
    SAME_CATEGORY,
    /** Categories that often stand in for each other, e.g. PEOPLE and KNOWHOW (values: need's, have's). */
    RELATED_CATEGORY,
    /** Themes both carry (values: theme names). */
    SHARED_THEMES,
    /** Both are for the same area (values: area ids). */
    SAME_AREA,
    /** One's area lies within the other's (values: the inner area id, the outer area id). */
    PARENT_CHILD_AREA,
    /** Areas in the same district (values: the district's area id). */
    SAME_DISTRICT,
    /** One side is city-wide, so it covers the other's area (values: none). */
    CITY_WIDE,
    /** The same resource, in the same or different words (values: vocabulary concept ids). */
    SHARED_CONCEPTS,
    /** Words both use that the vocabulary does not know (values: the words). */
    SHARED_WORDS,
    /** Related resources of one topic, e.g. 毛布 and 段ボールベッド (values: vocabulary topic ids). */
    RELATED_TOPICS,
    /** The have has enough left for the need (values: have's remaining, need's remaining, unit). */
    QUANTITY_COVERS,
    /** The have covers part of the need (values: have's remaining, need's remaining, unit). */
    QUANTITY_PARTIAL
}
