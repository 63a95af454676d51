package jp.kyoso.listing;

import java.time.LocalDate;
import java.time.ZoneId;

/** Today's date where Kyoso's users live: availability windows are dates in Japan. */
public final class JapanDate {

    public static final ZoneId ZONE = ZoneId.of("Asia/Tokyo");

    private JapanDate() {
    }

    public static LocalDate today() {
        return LocalDate.now(ZONE);
    }
}
