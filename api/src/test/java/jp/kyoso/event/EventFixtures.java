package jp.kyoso.event;

import jp.kyoso.support.ListingFixtures.World;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static jp.kyoso.support.Api.as;

/** Event bodies and events made through the API, for the event tests and the walkers. */
public final class EventFixtures {

    private EventFixtures() {
    }

    static final ZoneOffset JST = ZoneOffset.ofHours(9);

    /** An instant {@code hours} from now, in Japan time, whole minutes. */
    public static String inHours(long hours) {
        return OffsetDateTime.now(JST).truncatedTo(ChronoUnit.MINUTES).plusHours(hours).toString();
    }

    /** A valid body of an event organised by {@code organizationId} (null: the municipality); {@code extra} replaces. */
    public static Map<String, Object> body(String organizationId, Object... extra) {
        Map<String, Object> body = new HashMap<>();
        body.put("organizationId", organizationId);
        body.put("kind", "WORKSHOP");
        body.put("title", "赤崎地区 防災ワークショップ");
        body.put("titleKana", "アカサキチク ボウサイワークショップ");
        body.put("description", "地区の防災マップを一緒につくります。");
        body.put("themes", List.of("DISASTER_RELIEF"));
        body.put("areaIds", List.of());
        body.put("mode", "HYBRID");
        body.put("venue", Map.of("name", "赤崎公民館", "address", "山口県山陽小野田市赤崎1-1", "access", "バス停から徒歩5分"));
        body.put("onlineUrl", "https://meet.example.jp/akasaki");
        body.put("startsAt", inHours(24 * 7));
        body.put("endsAt", inHours(24 * 7 + 2));
        body.put("fee", Map.of("amountYen", 0));
        body.put("capacity", 30);
        body.put("heldSeats", 0);
        body.put("guestsAllowed", true);
        body.put("questions", List.of(Map.of("key", "age", "kind", "SINGLE_CHOICE", "label", "年代",
                "options", List.of("10代", "20代", "30代以上"), "required", true)));
        body.put("contact", Map.of("name", "赤崎地区自治会", "phone", "0836-00-0000"));
        for (int i = 0; i + 1 < extra.length; i += 2) {
            body.put((String) extra[i], extra[i + 1]);
        }
        return body;
    }

    /** A published event organised by the world's organisation A; {@code extra} replaces fields. */
    public static String published(World w, Object... extra) {
        String id = draft(w, extra);
        as(w.ownerA()).post("/api/v1/events/" + id + "/publication").then().statusCode(200);
        return id;
    }

    public static String draft(World w, Object... extra) {
        return as(w.ownerA()).body(body(w.orgA(), extra)).post("/api/v1/municipalities/" + w.code() + "/events")
                .then().statusCode(201).extract().path("id");
    }

    public static List<Map<String, Object>> answers() {
        return List.of(Map.of("key", "age", "choices", List.of("20代")));
    }

    public static Map<String, Object> guest(String name, String email) {
        return Map.of("guest", Map.of("name", name, "email", email), "answers", answers());
    }
}
