package jp.kyoso.statistics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.stream.IntStream;

/** The 18 five-year age bands of the 地域・年齢別人口 standard: 0-4歳 … 80-84歳 and 85歳以上. */
final class AgeBands {

    static final int COUNT = 18;
    /** Bands from this index on are 65 or over (65-69歳 is the 14th band). */
    static final int AGED65 = 13;

    private AgeBands() {
    }

    /** The band's key: "0-4" … "80-84", "85+". */
    static String key(int i) {
        return i == COUNT - 1 ? "85+" : (i * 5) + "-" + (i * 5 + 4);
    }

    /** The band as the standard's headers name it: "0-4歳" … "80-84歳", "85歳以上". */
    static String label(int i) {
        return i == COUNT - 1 ? "85歳以上" : (i * 5) + "-" + (i * 5 + 4) + "歳";
    }

    static List<Integer> indexes() {
        return IntStream.range(0, COUNT).boxed().toList();
    }

    static int sum(Integer[] bands) {
        int total = 0;
        for (Integer b : bands) {
            total += b;
        }
        return total;
    }

    /** Share aged 65 or over in percent (one decimal), from both sexes' bands; null unless both are given. */
    static BigDecimal aged65Share(Integer[] male, Integer[] female) {
        if (male == null || female == null) {
            return null;
        }
        long all = (long) sum(male) + sum(female);
        if (all == 0) {
            return null;
        }
        long old = 0;
        for (int i = AGED65; i < COUNT; i++) {
            old += male[i] + female[i];
        }
        return BigDecimal.valueOf(old * 100).divide(BigDecimal.valueOf(all), 1, RoundingMode.HALF_UP);
    }
}
