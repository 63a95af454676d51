package jp.kyoso.plan;

import java.util.Set;

/**
 * Codes for items created without one, in the style of municipal plans: {@code I}, {@code II}
 * for policies (推進方針), {@code I-(1)} for measures (推進施策), {@code I-(1)-①} for items
 * (推進項目), and {@code I-(1)-①-1} below that.
 */
public final class ItemCodes {

    private static final int[] ROMAN_VALUES = {1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1};
    private static final String[] ROMAN_LETTERS = {"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"};

    private ItemCodes() {
    }

    /** The code for the {@code n}-th (from 1) child of a parent at {@code depth}, avoiding codes in use. */
    public static String next(String parentCode, int depth, int n, Set<String> used) {
        for (int k = Math.max(1, n); ; k++) {
            String code = of(parentCode, depth, k);
            if (!used.contains(code)) {
                return code;
            }
        }
    }

    static String of(String parentCode, int depth, int n) {
        return switch (depth) {
            case 0 -> roman(n);
            case 1 -> parentCode + "-(" + n + ")";
            case 2 -> parentCode + "-" + circled(n);
            default -> parentCode + "-" + n;
        };
    }

    static String roman(int n) {
        StringBuilder sb = new StringBuilder();
        int rest = n;
        for (int i = 0; i < ROMAN_VALUES.length; i++) {
            while (rest >= ROMAN_VALUES[i]) {
                sb.append(ROMAN_LETTERS[i]);
                rest -= ROMAN_VALUES[i];
            }
        }
        return sb.toString();
    }

    /** ① … ⑳, ㉑ … ㊿, then (51) and so on. */
    static String circled(int n) {
        if (n >= 1 && n <= 20) {
            return String.valueOf((char) (0x2460 + n - 1));
        }
        if (n >= 21 && n <= 35) {
            return String.valueOf((char) (0x3251 + n - 21));
        }
        if (n >= 36 && n <= 50) {
            return String.valueOf((char) (0x32B1 + n - 36));
        }
        return "(" + n + ")";
    }
}
