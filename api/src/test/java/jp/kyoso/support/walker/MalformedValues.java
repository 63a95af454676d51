package jp.kyoso.support.walker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import jp.kyoso.support.walker.ContractSchemas.Field;
import jp.kyoso.support.walker.ContractSchemas.Kind;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static jp.kyoso.support.walker.ContractSchemas.isType;
import static jp.kyoso.support.walker.ContractSchemas.kindOf;
import static jp.kyoso.support.walker.JsonSurgery.enc;

/** The wrong values the walker tries, per kind of field or parameter. */
public final class MalformedValues {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    public static final String OVERLONG = "x".repeat(100_000);
    public static final List<String> INJECTIONS = List.of(
            "' OR '1'='1'; DROP TABLE app_user; --",
            "1; SELECT pg_sleep(20)--",
            "<script>alert(1)</script>",
            "<img src=x onerror=alert(1)>",
            "${jndi:ldap://127.0.0.1/a}",
            "../../../../etc/passwd");
    public static final List<String> CONTROL = List.of("a\u0000b", "bell\u0007", "\u001b[2J", "x\u001fy", "\b");

    private final ContractSchemas schemas;

    public MalformedValues(ContractSchemas schemas) {
        this.schemas = schemas;
    }

    public List<JsonNode> badValues(Field f) {
        JsonNode s = f.schema();
        List<JsonNode> bad = new ArrayList<>();
        switch (f.kind()) {
            case TEXT -> {
                bad.add(NODES.textNode(OVERLONG));
                CONTROL.forEach(c -> bad.add(NODES.textNode(c)));
                bad.add(NODES.numberNode(12345));
                bad.add(NODES.booleanNode(true));
                bad.add(NODES.objectNode().put("a", 1));
                bad.add(NODES.arrayNode().add("x"));
                if (f.required()) {
                    bad.add(NODES.textNode(""));
                    bad.add(NODES.textNode("   "));
                    bad.add(NODES.nullNode());
                }
                String notMatching = "\u3000not matching <>";
                if (s.path("pattern").asText().endsWith("$")
                        && !Pattern.compile(s.path("pattern").asText()).matcher(notMatching).find()) {
                    bad.add(NODES.textNode(notMatching));
                }
            }
            case UUID -> {
                for (String v : List.of("not-a-uuid", "' OR 1=1--", "<script>alert(1)</script>", "",
                        "00000000-0000-0000-0000-00000000000G", "0b6f2c1e-0000-4000-8000-000000000001x")) {
                    bad.add(NODES.textNode(v));
                }
                bad.add(NODES.numberNode(12345));
                bad.add(NODES.arrayNode());
            }
            case DATE -> {
                for (String v : List.of("2025-02-30", "2025/04/01", "tomorrow", "", "+99999-12-31", "2025-13-01",
                        "' OR 1=1--", "2025-04-01T00:00:00Z")) {
                    bad.add(NODES.textNode(v));
                }
                bad.add(NODES.numberNode(20250401));
                bad.add(NODES.booleanNode(false));
            }
            case DATE_TIME -> {
                for (String v : List.of("2025-02-30T10:00:00+09:00", "2025/04/01 10:00", "tomorrow", "", "2025-04-01",
                        "2025-04-01T25:00:00+09:00", "' OR 1=1--")) {
                    bad.add(NODES.textNode(v));
                }
                bad.add(NODES.numberNode(20250401));
                bad.add(NODES.booleanNode(false));
            }
            case ENUM -> {
                String first = s.path("enum").path(0).asText();
                for (String v : List.of("NOT_A_VALUE", first.toLowerCase(), "", first + "_X", "<script>", "' OR 1=1--")) {
                    bad.add(NODES.textNode(v));
                }
                bad.add(NODES.numberNode(0));
                bad.add(NODES.objectNode());
            }
            case INTEGER -> {
                bad.add(NODES.textNode("abc"));
                bad.add(NODES.numberNode(1.5));
                bad.add(NODES.booleanNode(true));
                bad.add(NODES.numberNode(new BigDecimal("99999999999999999999")));
                bad.add(NODES.numberNode(2147483648L));
                bad.add(NODES.numberNode(-2147483649L));
                bad.add(NODES.numberNode(new BigDecimal("1e400")));
                bad.add(NODES.objectNode());
                if (s.has("maximum")) {
                    bad.add(NODES.numberNode(s.get("maximum").asLong() + 1));
                }
                if (s.has("minimum")) {
                    bad.add(NODES.numberNode(s.get("minimum").asLong() - 1));
                }
            }
            case NUMBER -> {
                bad.add(NODES.textNode("abc"));
                bad.add(NODES.booleanNode(true));
                bad.add(NODES.numberNode(new BigDecimal("1e400")));
                bad.add(NODES.numberNode(new BigDecimal("-1e400")));
                bad.add(NODES.textNode("NaN"));
                bad.add(NODES.textNode("Infinity"));
                if (s.has("maximum")) {
                    bad.add(NODES.numberNode(s.get("maximum").decimalValue().add(BigDecimal.ONE)));
                }
                if (s.has("minimum")) {
                    bad.add(NODES.numberNode(s.get("minimum").decimalValue().subtract(new BigDecimal("0.5"))));
                }
            }
            case BOOLEAN -> {
                bad.add(NODES.textNode("yes"));
                bad.add(NODES.numberNode(2));
                bad.add(NODES.objectNode());
            }
            case ARRAY -> {
                bad.add(NODES.textNode("x"));
                bad.add(NODES.objectNode().put("a", 1));
                bad.add(NODES.numberNode(7));
                if (s.has("maxItems")) {
                    ArrayNode many = NODES.arrayNode();
                    JsonNode item = schemas.plausible(s.path("items"), "");
                    for (int i = 0; i <= s.get("maxItems").asInt(); i++) {
                        many.add(item);
                    }
                    bad.add(many);
                }
            }
            case OBJECT -> {
                bad.add(NODES.textNode("x"));
                bad.add(NODES.arrayNode().add(1));
                bad.add(NODES.numberNode(42));
            }
        }
        return bad;
    }

    public List<String> badPathValues(JsonNode parameter) {
        List<String> bad = new ArrayList<>(List.of("not-a-uuid", enc("' OR 1=1--"), enc("<script>alert(1)</script>"),
                "-1", "99999999999999999999", "%00", "%C3%28", "%FF", enc("a\u0007b"), "x".repeat(3_000),
                "00000000-0000-0000-0000-000000000000", enc("1; DROP TABLE app_user")));
        JsonNode schema = schemas.resolve(parameter.path("schema"));
        if (isType(schema, "integer")) {
            bad.add("1.5");
            bad.add("0x10");
        }
        return bad;
    }

    public List<String> badQueryValues(JsonNode schema) {
        List<String> bad = new ArrayList<>(List.of("%00", "%C3%28", "%FF", enc("a\u0001b"), "x".repeat(3_000)));
        Kind kind = kindOf(schema);
        switch (kind) {
            case INTEGER -> bad.addAll(List.of("abc", "1.5", "99999999999999999999", "-1", "-99999999999", "1e400",
                    "0x10"));
            case BOOLEAN -> bad.addAll(List.of("maybe", "1", "yes", "TRUE1"));
            case UUID -> bad.addAll(List.of("not-a-uuid", enc("' OR 1=1--"), enc("<script>")));
            case ENUM -> bad.addAll(List.of("NOT_A_VALUE", schema.path("enum").path(0).asText().toLowerCase(),
                    enc("<script>"), enc("' OR 1=1--")));
            default -> INJECTIONS.forEach(i -> bad.add(enc(i)));
        }
        return bad;
    }
}
