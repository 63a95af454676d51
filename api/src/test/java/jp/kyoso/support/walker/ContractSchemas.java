package jp.kyoso.support.walker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The committed contract, read as the walker needs it: what kind of value each schema takes,
 * every field of a body (nested ones too), and a body that would pass validation, so that a
 * case can corrupt one thing at a time.
 */
public final class ContractSchemas {

    public static final Path CONTRACT = Path.of("..", "openapi.yaml");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    public enum Kind { TEXT, UUID, DATE, DATE_TIME, ENUM, INTEGER, NUMBER, BOOLEAN, ARRAY, OBJECT }

    /** A field of a request body: its JSON path, schema, kind and whether the body requires it. */
    public record Field(List<Object> path, JsonNode schema, Kind kind, boolean required) {
    }

    private final JsonNode contract;
    private final Function<String, String> idFor;

    /** {@code idFor}: a real id for a property name (an area for {@code areaId} ...), or null. */
    public ContractSchemas(JsonNode contract, Function<String, String> idFor) {
        this.contract = contract;
        this.idFor = idFor;
    }

    public static JsonNode read() throws IOException {
        return new ObjectMapper(new YAMLFactory()).readTree(CONTRACT.toFile());
    }

    public JsonNode contract() {
        return contract;
    }

    /** Every field of the body schema, depth first. */
    public List<Field> fields(JsonNode schema) {
        List<Field> out = new ArrayList<>();
        fields(schema, new ArrayList<>(), true, out, 0);
        return out;
    }

    private void fields(JsonNode schema, List<Object> at, boolean required, List<Field> out, int depth) {
        JsonNode s = resolve(schema);
        Kind kind = kindOf(s);
        if (!at.isEmpty()) {
            out.add(new Field(List.copyOf(at), s, kind, required));
        }
        if (depth > 3) {
            return;
        }
        if (kind == Kind.OBJECT) {
            Set<String> req = new java.util.HashSet<>();
            s.path("required").forEach(r -> req.add(r.asText()));
            for (Iterator<Map.Entry<String, JsonNode>> p = s.path("properties").fields(); p.hasNext(); ) {
                Map.Entry<String, JsonNode> property = p.next();
                List<Object> next = new ArrayList<>(at);
                next.add(property.getKey());
                fields(property.getValue(), next, req.contains(property.getKey()) && at.isEmpty(), out, depth + 1);
            }
        } else if (kind == Kind.ARRAY) {
            List<Object> next = new ArrayList<>(at);
            next.add(0);
            fields(s.path("items"), next, false, out, depth + 1);
        }
    }

    public JsonNode resolve(JsonNode schema) {
        JsonNode s = schema;
        for (int i = 0; i < 10; i++) {
            if (s.has("$ref")) {
                String ref = s.get("$ref").asText();
                JsonNode target = contract.path("components").path("schemas").path(ref.substring(ref.lastIndexOf('/') + 1));
                if (s.size() > 1 && target.has("enum")) {
                    return target;
                }
                s = target;
            } else if (s.has("anyOf")) {
                JsonNode chosen = null;
                for (JsonNode alternative : s.get("anyOf")) {
                    if (!"null".equals(alternative.path("type").asText())) {
                        chosen = alternative;
                        break;
                    }
                }
                s = chosen == null ? s.get("anyOf").get(0) : chosen;
            } else {
                return s;
            }
        }
        return s;
    }

    public static boolean isType(JsonNode s, String type) {
        JsonNode t = s.path("type");
        if (t.isArray()) {
            for (JsonNode x : t) {
                if (type.equals(x.asText())) {
                    return true;
                }
            }
            return false;
        }
        return type.equals(t.asText());
    }

    public static Kind kindOf(JsonNode s) {
        if (s.has("enum")) {
            return Kind.ENUM;
        }
        if (isType(s, "string")) {
            return switch (s.path("format").asText()) {
                case "uuid" -> Kind.UUID;
                case "date" -> Kind.DATE;
                case "date-time" -> Kind.DATE_TIME;
                default -> Kind.TEXT;
            };
        }
        if (isType(s, "integer")) {
            return Kind.INTEGER;
        }
        if (isType(s, "number")) {
            return Kind.NUMBER;
        }
        if (isType(s, "boolean")) {
            return Kind.BOOLEAN;
        }
        if (isType(s, "array")) {
            return Kind.ARRAY;
        }
        return Kind.OBJECT;
    }

    /** A body that would pass validation, so that one corrupted field is what gets refused. */
    public JsonNode plausible(JsonNode schema, String name) {
        JsonNode s = resolve(schema);
        switch (kindOf(s)) {
            case ENUM:
                return s.path("enum").path(0);
            case UUID:
                return NODES.textNode(idFor(name));
            case DATE:
                return NODES.textNode("2025-04-01");
            case DATE_TIME:
                return NODES.textNode("2027-04-01T10:00:00+09:00");
            case TEXT:
                return NODES.textNode(switch (name) {
                    case "code" -> s.path("pattern").asText().contains("[0-9]{6}") ? "352039" : "Z-99";
                    case "email" -> "walker@example.jp";
                    case "website" -> "https://example.jp";
                    case "phone" -> "083-000-0000";
                    default -> "テスト";
                });
            case INTEGER:
                if (name.toLowerCase().contains("fiscalyear")) {
                    return NODES.numberNode(2025);
                }
                return NODES.numberNode(Math.max(1, s.path("minimum").asLong(1)));
            case NUMBER:
                return NODES.numberNode(1);
            case BOOLEAN:
                return NODES.booleanNode(false);
            case ARRAY:
                return NODES.arrayNode().add(plausible(s.path("items"), name));
            default:
                ObjectNode object = NODES.objectNode();
                for (Iterator<Map.Entry<String, JsonNode>> p = s.path("properties").fields(); p.hasNext(); ) {
                    Map.Entry<String, JsonNode> property = p.next();
                    if (!property.getKey().equals("fromMatchId")) {
                        object.set(property.getKey(), plausible(property.getValue(), property.getKey()));
                    }
                }
                return object;
        }
    }

    private String idFor(String property) {
        String id = idFor.apply(property);
        return id != null ? id : java.util.UUID.randomUUID().toString();
    }

    /** What a client of the operation accepts: the media type of its success answer (JSON, or CSV for a download). */
    public static String accepted(JsonNode op) {
        for (java.util.Iterator<Map.Entry<String, JsonNode>> r = op.path("responses").fields(); r.hasNext(); ) {
            Map.Entry<String, JsonNode> response = r.next();
            if (response.getKey().startsWith("2") && response.getValue().path("content").fieldNames().hasNext()) {
                String type = response.getValue().path("content").fieldNames().next();
                return type.equals("application/json") ? type : type + ", application/problem+json";
            }
        }
        return "application/json";
    }

    public static boolean hasHeaderParameter(JsonNode op, String name) {
        for (JsonNode p : op.path("parameters")) {
            if ("header".equals(p.path("in").asText()) && name.equalsIgnoreCase(p.path("name").asText())) {
                return true;
            }
        }
        return false;
    }
}
