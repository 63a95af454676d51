package jp.kyoso.core.search;

import jp.kyoso.core.paging.PageParams;

/** A search page's order, as columns {@code o0, o1 …} of the collected matches ({@link SearchQuery}). */
final class PageOrder {

    final StringBuilder columns = new StringBuilder();
    final StringBuilder keys = new StringBuilder();
    final StringBuilder by = new StringBuilder();

    PageOrder(String[] order) {
        for (int i = 0; i < order.length; i++) {
            boolean descending = order[i].endsWith(" desc");
            columns.append(", ").append(descending ? order[i].substring(0, order[i].length() - 5) : order[i])
                    .append(" as o").append(i);
            keys.append(", o").append(i);
            by.append(i == 0 ? "" : ", ").append('o').append(i).append(descending ? " desc" : "");
        }
    }

    /** The page's ids as an array, out of {@code matches}. */
    String pageOf(PageParams paging) {
        return "(select array_agg(id order by " + by + ") from (select id" + keys + " from matches order by " + by
                + " limit " + paging.size + " offset " + paging.offset() + ") page)";
    }
}
