package jp.kyoso.core.search;

import jakarta.persistence.EntityManager;
import jp.kyoso.core.paging.Page;
import jp.kyoso.core.paging.PageParams;
import jp.kyoso.core.persistence.PlannedForValues;

import java.sql.Array;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A search over one of the tables people look things up in (organisations, haves and needs,
 * projects, events), built the one way every search is: conditions joined with {@code and},
 * every value a bound parameter (never text in the SQL), Japanese text matched through the
 * bigram index, themes and areas through their array indexes; then the total and one page of
 * ids in a stable order. {@code alias} is the searched table's alias in {@code from}. Both statements
 * are planned for their values ({@link PlannedForValues}): how many rows a term or an area matches decides
 * the plan.
 */
public final class SearchQuery {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\?(\\d+)");
    private final String from;
    private final String alias;
    private final List<String> where = new ArrayList<>();
    /** The bigram conditions (by their place in {@code where}) and what stands for them when the index is not wanted. */
    private final Map<Integer, String> gramLookups = new HashMap<>();
    private final List<Object> params = new ArrayList<>();

    /** {@code from}: e.g. {@code "listing l join organization o on o.id = l.organization_id"}, alias {@code "l"}. */
    public SearchQuery(String from, String alias) {
        this.from = from;
        this.alias = alias;
    }

    /** Binds a value and returns its placeholder, for a condition written by the caller. */
    public String bind(Object value) {
        params.add(value);
        return "?" + params.size();
    }

    /** A condition as SQL; values in it must come from {@link #bind}. */
    public SearchQuery and(String condition) {
        where.add(condition);
        return this;
    }

    /** {@code alias.column = value}; nothing when the value is null (the filter was not asked for). */
    public SearchQuery equal(String column, Object value) {
        if (value != null) {
            where.add(alias + "." + column + " = " + bind(value instanceof Enum<?> e ? e.name() : value));
        }
        return this;
    }

    /** The municipality's rows that are not deleted. */
    public SearchQuery inMunicipality(String code) {
        equal("municipality_code", code);
        where.add(alias + ".deleted_at is null");
        return this;
    }

    /** Rows carrying the theme (its name), through the GIN index of {@code themes}. */
    public SearchQuery withTheme(Enum<?> theme) {
        if (theme != null) {
            where.add(alias + ".themes @> cast(" + bind(SqlArrays.literal(List.of(theme.name()))) + " as text[])");
        }
        return this;
    }

    /** Rows for any of the areas (an area and its sub-areas), through the GIN index of {@code area_ids}. */
    public SearchQuery inAreas(Collection<UUID> areas) {
        if (areas != null) {
            where.add(alias + ".area_ids && cast(" + bind(SqlArrays.literal(areas)) + " as uuid[])");
        }
        return this;
    }

    /**
     * Rows whose text holds every term of {@code q} (split at spaces; no spaces needed between
     * words): the bigrams narrow through the index, the folded text confirms.
     */
    public SearchQuery matching(String q) {
        for (String term : JapaneseText.queryTerms(q)) {
            String[] grams = JapaneseText.bigrams(term);
            if (grams.length > 0) {
                String bound = "cast(" + bind(SqlArrays.literal(Arrays.asList(grams))) + " as text[])";
                gramLookups.put(where.size(), bound + " is not null");
                where.add(alias + ".search_grams @> " + bound);
            }
            where.add("strpos(" + alias + ".search_text, " + bind(term) + ") > 0");
        }
        return this;
    }

    /** A page of matching ids and how many rows match, counted up to {@link Page.Total#LIMIT} and no further. */
    public record Found(Page.Total total, List<UUID> ids) {
    }

    /**
     * One page of the rows' ids in the order given, with the total: expressions, each optionally ending in
     * {@code desc}, the last one a unique column for a stable order (e.g. {@code "l.created_at desc", "l.id"}).
     * <p>
     * The first statement collects up to {@link Page.Total#LIMIT} + 1 matches through the filters' own
     * indexes, counts them and, when they are a counted few, sorts out the page from them: a rare term in a
     * big city is read once, and most searches are one statement. An exact count of a million rows would
     * cost a page of 20 most of a second, and a walk in page order could pass the whole ordered index to find
     * 20 rare ones (docs/benchmarks.md, scale). Only when there are more than the limit does a second
     * statement walk an index in the page's order and stop after the page.
     */
    public Found page(EntityManager em, PageParams paging, String... order) {
        StringBuilder columns = new StringBuilder();
        StringBuilder keys = new StringBuilder();
        StringBuilder orderBy = new StringBuilder();
        for (int i = 0; i < order.length; i++) {
            boolean descending = order[i].endsWith(" desc");
            columns.append(", ").append(descending ? order[i].substring(0, order[i].length() - 5) : order[i])
                    .append(" as o").append(i);
            keys.append(", o").append(i);
            orderBy.append(i == 0 ? "" : ", ").append('o').append(i).append(descending ? " desc" : "");
        }
        // The page is sorted out (an InitPlan, run on demand) only when the matches are all collected.
        String sql = "with matches as materialized (select " + alias + ".id as id" + columns + tail(true)
                + " limit " + (Page.Total.LIMIT + 1) + ")"
                + " select counted.n, case when counted.n <= " + Page.Total.LIMIT
                + " then (select array_agg(id order by " + orderBy + ") from (select id" + keys
                + " from matches order by " + orderBy + " limit " + paging.size + " offset " + paging.offset()
                + ") page) end from (select count(*) as n from matches) counted";
        Found collected = run(em, sql, rows -> {
            Array page = rows.getArray(2);
            return new Found(Page.Total.ofCounted(rows.getLong(1)), page == null ? List.of() : List.of((UUID[]) page.getArray()));
        }).getFirst();
        return collected.total().exact() ? collected : new Found(collected.total(), walk(em, paging, false, order));
    }

    /**
     * The first {@code max} rows' ids in the order given, walking an index in that order without counting
     * (a feed, the open data).
     */
    public List<UUID> first(EntityManager em, int max, String... order) {
        return walk(em, PageParams.of(0, max), true, order);
    }

    /**
     * PostgreSQL walks an index in the page's order and stops after the page. For many matches the bigram
     * lookup is left out ({@code gramIndex} false), so it cannot take the term for a rare one (it multiplies
     * the bigrams' frequencies as if independent: 15,000 rows estimated at 10) and fetch and sort them all;
     * the folded text still decides which rows match.
     */
    private List<UUID> walk(EntityManager em, PageParams paging, boolean gramIndex, String... order) {
        return run(em, "select " + alias + ".id" + tail(gramIndex) + " order by " + String.join(", ", order)
                + " limit " + paging.size + " offset " + paging.offset(), rows -> rows.getObject(1, UUID.class));
    }

    /** {@code from … where …}; without the bigram lookups ({@code gramIndex} false) their parameters stay bound. */
    private String tail(boolean gramIndex) {
        List<String> conditions = new ArrayList<>(where);
        if (!gramIndex) {
            gramLookups.forEach(conditions::set);
        }
        return " from " + from + (conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions));
    }

    /** The statement's rows, mapped; each {@code ?n} becomes a JDBC {@code ?} bound to the n-th value. */
    private <T> List<T> run(EntityManager em, String sql, PlannedForValues.Row<T> row) {
        List<Object> values = new ArrayList<>();
        Matcher placeholder = PLACEHOLDER.matcher(sql);
        StringBuilder jdbc = new StringBuilder();
        while (placeholder.find()) {
            values.add(params.get(Integer.parseInt(placeholder.group(1)) - 1));
            placeholder.appendReplacement(jdbc, "?");
        }
        placeholder.appendTail(jdbc);
        return PlannedForValues.rows(em, jdbc.toString(), values, row);
    }
}
