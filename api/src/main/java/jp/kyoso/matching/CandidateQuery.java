package jp.kyoso.matching;

import jp.kyoso.core.persistence.PlannedForValues;
import jp.kyoso.core.search.SqlArrays;
import jp.kyoso.listing.ListingCategory;
import jp.kyoso.listing.ListingKind;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Candidate preselection: which counterpart listings are worth scoring, found through indexes. It
 * ranks nothing — every candidate is scored by {@link MatchScorer} — and it decides:
 * <ul>
 * <li>who is eligible: same municipality, the counterpart kind, OPEN and not expired, windows
 *     overlapping, another organisation, an ACTIVE one;</li>
 * <li>who is plausible ({@link #of}): of the same or a related category, and the title of one of
 *     the two names something specific the other mentions — a vocabulary concept that is not
 *     general, or a word of three or more characters ({@code title_keys} and {@code match_keys},
 *     both GIN-indexed; see {@link MatchTerms#specific}) — leaving out keys the database's
 *     statistics find on too many listings to narrow anything ({@link KeyStatistics});</li>
 * <li>only when that finds fewer than {@link #FALLBACK_BELOW} listings ({@link #fallback}): also
 *     the same category in the source's district (any area of it) or city-wide, the
 *     {@link #FALLBACK_LIMIT} most recent of them, so that a listing without textual counterparts
 *     still gets its neighbours at a bounded cost.</li>
 * </ul>
 * Public so that the benchmark runs and explains exactly the queries the API runs.
 */
public final class CandidateQuery {

    /** Below this many plausible candidates the area fallback runs too. */
    public static final int FALLBACK_BELOW = 50;
    /** How many neighbours the fallback considers at most (the most recently posted). */
    public static final int FALLBACK_LIMIT = 200;

    public record Sql(String text, List<Object> params) {
    }

    /** The listing matches are wanted for, as preselection needs it. */
    public record Source(String municipalityCode, ListingKind kind, UUID organizationId, ListingCategory category,
                         LocalDate availableFrom, LocalDate availableUntil, String[] keys, String[] titleKeys,
                         List<UUID> nearbyAreas) {
    }

    private static final String COLUMNS = """
            select l.id, l.organization_id, l.kind, l.category, array_to_string(l.themes, chr(31)),
                   array_to_string(l.area_ids, ','), array_to_string(l.match_keys, chr(31)),
                   l.quantity, l.quantity_matched, l.unit
            from listing l join organization o on o.id = l.organization_id""";

    private CandidateQuery() {
    }

    /** Plausible candidates: a compatible category and a specific key shared with a title. */
    public static Sql of(Source source, LocalDate today, KeyStatistics.Common common) {
        List<Object> params = new ArrayList<>();
        StringBuilder sql = eligible(source, today, params);
        List<String> categories = new ArrayList<>();
        for (ListingCategory c : ListingCategory.values()) {
            if (c == source.category() || MatchScorer.related(c, source.category())) {
                categories.add(c.name());
            }
        }
        sql.append("\n  and l.category = any(cast(? as text[]))");
        params.add(SqlArrays.literal(categories));
        sql.append("\n  and (l.title_keys && cast(? as text[]) or l.match_keys && cast(? as text[]))");
        // Their titles name something this listing mentions; this title names something they mention.
        params.add(SqlArrays.literal(Arrays.stream(MatchTerms.specific(source.keys()))
                .filter(k -> !common.inTitles().contains(k)).toList()));
        params.add(SqlArrays.literal(Arrays.stream(source.titleKeys())
                .filter(k -> !common.inText().contains(k)).toList()));
        return new Sql(sql.toString(), params);
    }

    /** Neighbours: the same category in the source's district, or city-wide. */
    public static Sql fallback(Source source, LocalDate today) {
        List<Object> params = new ArrayList<>();
        StringBuilder sql = eligible(source, today, params);
        sql.append("\n  and l.category = ? and (l.area_ids && cast(? as uuid[]) or l.area_ids = '{}')")
                .append("\norder by l.created_at desc, l.id limit ").append(FALLBACK_LIMIT);
        params.add(source.category().name());
        params.add(SqlArrays.literal(source.nearbyAreas()));
        return new Sql(sql.toString(), params);
    }

    private static StringBuilder eligible(Source source, LocalDate today, List<Object> params) {
        StringBuilder sql = new StringBuilder(COLUMNS).append("""

                where l.municipality_code = ? and l.status = 'OPEN' and l.deleted_at is null
                  and l.organization_id <> ? and o.status = 'ACTIVE' and o.deleted_at is null
                  and (l.available_until is null or l.available_until >= ?)""");
        // The kind is written into the statement (an enum constant, never client text) so that the planner
        // can use the partial indexes of that kind.
        sql.append("\n  and l.kind = '").append(source.kind().counterpart().name()).append("'");
        params.add(source.municipalityCode());
        params.add(source.organizationId());
        // Not expired, and not ending before the source's window starts ...
        LocalDate from = source.availableFrom() != null && source.availableFrom().isAfter(today)
                ? source.availableFrom() : today;
        params.add(from);
        // ... nor starting after it ends.
        if (source.availableUntil() != null) {
            sql.append("\n  and (l.available_from is null or l.available_from <= ?)");
            params.add(source.availableUntil());
        }
        return sql;
    }

    public static PreparedStatement prepare(Connection connection, String prefix, Sql sql) throws SQLException {
        return PlannedForValues.prepare(connection, prefix + sql.text(), sql.params());
    }

    public static List<MatchFeatures> run(Connection connection, Sql sql) throws SQLException {
        List<MatchFeatures> out = new ArrayList<>();
        try (PreparedStatement statement = prepare(connection, "", sql); ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                Integer quantity = (Integer) rs.getObject(8);
                out.add(new MatchFeatures((UUID) rs.getObject(1), (UUID) rs.getObject(2),
                        ListingKind.valueOf(rs.getString(3)), ListingCategory.valueOf(rs.getString(4)),
                        strings(rs.getString(5)), uuids(rs.getString(6)), strings(rs.getString(7)),
                        quantity == null ? null : quantity - rs.getInt(9), rs.getString(10)));
            }
        }
        return out;
    }

    /** Both stages as the API runs them: the fallback only when the first finds too few; no duplicates. */
    public static List<MatchFeatures> candidates(Connection connection, Source source, LocalDate today,
                                                 KeyStatistics.Common common) throws SQLException {
        List<MatchFeatures> found = run(connection, of(source, today, common));
        if (found.size() >= FALLBACK_BELOW) {
            return found;
        }
        java.util.Set<UUID> seen = new java.util.HashSet<>();
        found.forEach(f -> seen.add(f.id()));
        List<MatchFeatures> all = new ArrayList<>(found);
        for (MatchFeatures f : run(connection, fallback(source, today))) {
            if (seen.add(f.id())) {
                all.add(f);
            }
        }
        return all;
    }

    // Arrays come joined by a separator no key, theme or id contains (U+001F): a few hundred rows of
    // arrays per ranking split faster than the driver decodes them.
    private static final String SEPARATOR = "\u001f";

    private static String[] strings(String joined) {
        return joined == null || joined.isEmpty() ? new String[0] : joined.split(SEPARATOR);
    }

    private static UUID[] uuids(String joined) {
        if (joined == null || joined.isEmpty()) {
            return new UUID[0];
        }
        String[] ids = joined.split(",");
        UUID[] out = new UUID[ids.length];
        for (int i = 0; i < ids.length; i++) {
            out[i] = UUID.fromString(ids[i]);
        }
        return out;
    }
}
