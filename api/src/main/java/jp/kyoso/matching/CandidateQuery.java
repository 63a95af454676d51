package jp.kyoso.matching;

import jp.kyoso.core.search.SqlArrays;
import jp.kyoso.listing.ListingCategory;
import jp.kyoso.listing.ListingKind;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Candidate preselection: the counterpart listings worth scoring, found through indexes. It
 * decides who is eligible (same municipality, counterpart kind, OPEN and not expired, windows
 * overlapping, another organisation, an ACTIVE one) and narrows by evidence of a fit: sharing a
 * vocabulary concept or a word ({@code match_keys}, GIN), or the same category in the same
 * district or city-wide. It ranks nothing: every candidate is scored by {@link MatchScorer}.
 * Public so that the benchmark explains exactly the query the API runs.
 */
public final class CandidateQuery {

    /** Concepts this general (ボランティア, 講座 …) would bring half the city; they still count in scoring. */
    static final double MIN_PRESELECTION_WEIGHT = 0.6;

    public record Sql(String text, List<Object> params) {
    }

    /** The listing matches are wanted for, as preselection needs it. */
    public record Source(String municipalityCode, ListingKind kind, UUID organizationId, ListingCategory category,
                         LocalDate availableFrom, LocalDate availableUntil, String[] keys, List<UUID> nearbyAreas) {
    }

    private CandidateQuery() {
    }

    public static Sql of(Source source, LocalDate today) {
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder("""
                select l.id, l.organization_id, l.kind, l.category, l.themes, l.area_ids, l.match_keys,
                       l.quantity, l.quantity_matched, l.unit
                from listing l join organization o on o.id = l.organization_id
                where l.municipality_code = ? and l.kind = ? and l.status = 'OPEN' and l.deleted_at is null
                  and l.organization_id <> ? and o.status = 'ACTIVE' and o.deleted_at is null
                  and (l.available_until is null or l.available_until >= ?)""");
        params.add(source.municipalityCode());
        params.add(source.kind().counterpart().name());
        params.add(source.organizationId());
        // Not expired, and not ending before the source's window starts.
        LocalDate from = source.availableFrom() != null && source.availableFrom().isAfter(today)
                ? source.availableFrom() : today;
        params.add(from);
        if (source.availableUntil() != null) {
            sql.append("\n  and (l.available_from is null or l.available_from <= ?)");
            params.add(source.availableUntil());
        }
        sql.append("""

                  and (l.match_keys && cast(? as text[])
                       or (l.category = ? and l.area_ids && cast(? as uuid[]))
                       or (l.category = ? and l.area_ids = '{}'))""");
        params.add(SqlArrays.literal(preselectionKeys(source.keys())));
        params.add(source.category().name());
        params.add(SqlArrays.literal(source.nearbyAreas()));
        params.add(source.category().name());
        return new Sql(sql.toString(), params);
    }

    /** The keys that bring candidates: specific concepts and words (topics and general concepts only score). */
    static List<String> preselectionKeys(String[] keys) {
        List<String> out = new ArrayList<>();
        for (String key : keys) {
            if (key.startsWith(MatchTerms.WORD)
                    || (key.startsWith(MatchTerms.CONCEPT) && MatchScorer.keyWeight(key) >= MIN_PRESELECTION_WEIGHT)) {
                out.add(key);
            }
        }
        return out;
    }

    public static PreparedStatement prepare(Connection connection, String prefix, Sql sql) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(prefix + sql.text());
        for (int i = 0; i < sql.params().size(); i++) {
            statement.setObject(i + 1, sql.params().get(i));
        }
        return statement;
    }

    public static List<MatchFeatures> run(Connection connection, Sql sql) throws SQLException {
        List<MatchFeatures> out = new ArrayList<>();
        try (PreparedStatement statement = prepare(connection, "", sql); ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                Integer quantity = (Integer) rs.getObject(8);
                out.add(new MatchFeatures((UUID) rs.getObject(1), (UUID) rs.getObject(2),
                        ListingKind.valueOf(rs.getString(3)), ListingCategory.valueOf(rs.getString(4)),
                        strings(rs.getArray(5)), uuids(rs.getArray(6)), strings(rs.getArray(7)),
                        quantity == null ? null : quantity - rs.getInt(9), rs.getString(10)));
            }
        }
        return out;
    }

    private static String[] strings(Array array) throws SQLException {
        return array == null ? new String[0] : (String[]) array.getArray();
    }

    private static UUID[] uuids(Array array) throws SQLException {
        return array == null ? new UUID[0] : (UUID[]) array.getArray();
    }
}
