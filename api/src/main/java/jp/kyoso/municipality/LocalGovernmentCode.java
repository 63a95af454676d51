package jp.kyoso.municipality;

/**
 * The 6-digit 全国地方公共団体コード: five digits and a check digit. The check digit is
 * (11 − (d1×6 + d2×5 + d3×4 + d4×3 + d5×2) mod 11) mod 10; 352039 (山口市) is valid, 352030 is not.
 */
public final class LocalGovernmentCode {

    private static final int[] WEIGHTS = {6, 5, 4, 3, 2};

    private LocalGovernmentCode() {
    }

    public static boolean isValid(String code) {
        if (code == null || !code.matches("[0-9]{6}")) {
            return false;
        }
        return checkDigit(code.substring(0, 5)) == code.charAt(5) - '0';
    }

    public static int checkDigit(String firstFive) {
        int sum = 0;
        for (int i = 0; i < 5; i++) {
            sum += (firstFive.charAt(i) - '0') * WEIGHTS[i];
        }
        return (11 - sum % 11) % 10;
    }
}
