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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
    /** The searched table: the first name in {@code from}. */
    private final String table;
    private final String alias;
    private final List<String> where = new ArrayList<>();
    /** The bigram conditions (by their place in {@code where}) and what stands for them when the index is not wanted. */
    private final Map<Integer, String> gramLookups = new HashMap<>();
    private final List<Object> params = new ArrayList<>();
    /** Each term's bigrams, by the place of the value that looks them up in {@code params}. */
    private final Map<Integer, List<String>> termGrams = new HashMap<>();
    /** The plan for the text, set once the bigrams to look up are chosen from the table's statistics. */
    private Plan chosen;
    /** Whether the page's order is by the searched text itself ({@link #orderedByText}). */
    private boolean orderedByText;
    /** The text tests, by their place in {@code where}. */
    private final Set<Integer> textTests = new HashSet<>();
    /** Whether areas or a theme narrow the rows (columns the ordered indexes carry). */
    private boolean narrowed;

    /** {@code from}: e.g. {@code "listing l join organization o on o.id = l.organization_id"}, alias {@code "l"}. */
    public SearchQuery(String from, String alias) {
        this.from = from;
        this.table = from.strip().split("\\s+", 2)[0];
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
            narrowed = true;
            where.add(alias + ".themes @> cast(" + bind(SqlArrays.literal(List.of(theme.name()))) + " as text[])");
        }
        return this;
    }

    /** Rows for any of the areas (an area and its sub-areas), through the GIN index of {@code area_ids}. */
    public SearchQuery inAreas(Collection<UUID> areas) {
        if (areas != null) {
            narrowed = true;
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
                termGrams.put(params.size() - 1, List.of(grams));
                gramLookups.put(where.size(), bound + " is not null");
                where.add(alias + ".search_grams @> " + bound);
            }
            textTests.add(where.size());
            where.add("strpos(" + alias + ".search_text, " + bind(term) + ") > 0");
        }
        return this;
    }

    /**
     * The page's order is by the searched text itself (a directory by name): the matches of a term can
     * gather in it, and past the counted matches a term held by few rows is sorted rather than walked to.
     */
    public SearchQuery orderedByText() {
        orderedByText = true;
        return this;
    }

    /** A page of matching ids and how many rows match, counted up to {@link Page.Total#LIMIT} and no further. */
    public record Found(Page.Total total, List<UUID> ids) {
    }

    /**
     * How a search goes on past the counted matches, from how many rows of the table hold its text at most
     * ({@link GramFrequencies}). A walk in the page's order is fast when the matches are spread out and slow
     * when they gather at the end of the order (organisations named after their district, sorted by name:
     * 66,000 rows passed for a page of 20, 170 ms); sorting all the matches costs what their number says
     * (8,000 organisations in 27 ms, where a walk among matches spread out takes 10–15). Matches gather where
     * the order is by the text itself ({@link #orderedByText}); in an order by time (listings, events) they
     * are spread out. A walk needs no estimate, so it is what a search without statistics does.
     */
    public enum Plan {
        /** Past the counted matches walk the page's order: no text, an order not by the text, a common or unknown term. */
        COLLECT_THEN_WALK,
        /** Past the counted matches sort them all: in an order by the text, a term held by at most {@value #SORTED} rows of the table. */
        COLLECT_THEN_SORT;

        /** Matches of a term sorted for a page at most. */
        static final int SORTED = 10_000;

        /** The plan for a term held by at most {@code holding} rows of the table (negative: unknown). */
        static Plan of(double holding, boolean orderedByText) {
            return orderedByText && holding >= 0 && holding <= SORTED ? COLLECT_THEN_SORT : COLLECT_THEN_WALK;
        }
    }

    /**
     * One page of the rows' ids in the order given, with the total: expressions, each optionally ending in
     * {@code desc}, the last one a unique column for a stable order (e.g. {@code "l.created_at desc", "l.id"}).
     * <p>
     * The first statement collects up to {@link Page.Total#LIMIT} + 1 matches through the filters' own
     * indexes, counts them and, when they are a counted few, sorts out the page from them: a rare term in a
     * big city is read once, and most searches are one statement. An exact count of a million rows would
     * cost a page of 20 most of a second. Only past the count does a second statement find the page
     * ({@link Plan}).
     */
    public Found page(EntityManager em, PageParams paging, String... order) {
        return page(em, chooseLookups(em), paging, order);
    }

    /** {@link #page(EntityManager, PageParams, String...)} going on past the count as {@code plan} says (both find the same page). */
    public Found page(EntityManager em, Plan plan, PageParams paging, String... order) {
        chooseLookups(em);
        PageOrder sorted = new PageOrder(order);
        // The page is sorted out (an InitPlan, run on demand) only when the matches are all collected.
        String collect = "with matches as materialized (select " + alias + ".id as id" + sorted.columns + tail(true)
                + " limit " + (Page.Total.LIMIT + 1) + ")"
                + " select counted.n, case when counted.n <= " + Page.Total.LIMIT + " then " + sorted.pageOf(paging)
                + " end from (select count(*) as n from matches) counted";
        Found collected = run(em, collect, rows -> new Found(Page.Total.ofCounted(rows.getLong(1)), ids(rows.getArray(2))))
                .getFirst();
        if (collected.total().exact()) {
            return collected;
        }
        List<UUID> page = plan == Plan.COLLECT_THEN_SORT
                ? run(em, "with matches as materialized (select " + alias + ".id as id" + sorted.columns + tail(true)
                        + ") select " + sorted.pageOf(paging), rows -> ids(rows.getArray(1))).getFirst()
                : walk(em, paging, false, order);
        return new Found(collected.total(), page);
    }

    /**
     * The plan for this search's text, choosing once the bigrams each term is looked up by: the rarest one
     * the table's statistics know of, or those rarer than any they list. The text index hands over every row
     * holding a bigram looked up, and intersecting two lists of 245,000 rows takes three times as long as
     * reading one (docs/benchmarks.md, scale); the folded text decides which rows match either way.
     */
    private Plan chooseLookups(EntityManager em) {
        if (chosen != null) {
            return chosen;
        }
        double holding = -1;
        if (!termGrams.isEmpty()) {
            GramFrequencies frequencies = GramFrequencies.of(em, table);
            for (Map.Entry<Integer, List<String>> term : termGrams.entrySet()) {
                List<String> lookedUp = frequencies.lookUp(term.getValue());
                params.set(term.getKey(), SqlArrays.literal(lookedUp));
                double rows = frequencies.rowsHolding(lookedUp);
                holding = rows < 0 ? holding : holding < 0 ? rows : Math.min(holding, rows);
            }
        }
        chosen = Plan.of(holding, orderedByText);
        return chosen;
    }

    private static List<UUID> ids(Array page) throws java.sql.SQLException {
        return page == null ? List.of() : List.of((UUID[]) page.getArray());
    }

    /**
     * The first {@code max} rows' ids in the order given, walking an index in that order without counting
     * (a feed, the open data).
     */
    public List<UUID> first(EntityManager em, int max, String... order) {
        chooseLookups(em);
        return walk(em, PageParams.of(0, max), true, order);
    }

    /**
     * PostgreSQL walks an index in the page's order and stops after the page. For many matches the bigram
     * lookup is left out ({@code gramIndex} false), so it cannot take the term for a rare one (it multiplies
     * the bigrams' frequencies as if independent: 15,000 rows estimated at 10) and fetch and sort them all;
     * the folded text still decides which rows match.
     */
    private List<UUID> walk(EntityManager em, PageParams paging, boolean gramIndex, String... order) {
        if (!gramIndex && narrowed && !textTests.isEmpty()) {
            return walkTestingTextLast(em, paging, order);
        }
        return run(em, "select " + alias + ".id" + tail(gramIndex) + " order by " + String.join(", ", order)
                + " limit " + paging.size + " offset " + paging.offset(), rows -> rows.getObject(1, UUID.class));
    }

    /**
     * A walk where areas or a theme narrow the rows and a text must match: the ordered index carries the
     * areas and themes, so the walk tests them without reading the table, and only the rows they leave are
     * read for their text (a scalar subquery: no join, so the walk still stops after the page). Tested in one
     * scan, every row passed is read: a term in one area passed 5,036 listings for 20 (29 ms).
     */
    private List<UUID> walkTestingTextLast(EntityManager em, PageParams paging, String... order) {
        List<String> conditions = new ArrayList<>();
        List<String> tests = new ArrayList<>();
        for (int i = 0; i < where.size(); i++) {
            (textTests.contains(i) ? tests : conditions).add(gramLookups.getOrDefault(i, where.get(i)));
        }
        return run(em, "select walked.id from (select " + alias + ".id as id from " + from + " where "
                + String.join(" and ", conditions) + " order by " + String.join(", ", order) + ") walked"
                + " where (select " + String.join(" and ", tests) + " from " + table + " " + alias + " where " + alias
                + ".id = walked.id) limit " + paging.size + " offset " + paging.offset(), rows -> rows.getObject(1, UUID.class));
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
