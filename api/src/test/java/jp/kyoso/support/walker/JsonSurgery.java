package jp.kyoso.support.walker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Building malformed bodies from plausible ones: one value replaced, a field removed, raw bytes spliced in. */
public final class JsonSurgery {

    public static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    public static final ObjectMapper JSON = new ObjectMapper();

    private JsonSurgery() {
    }

    public static JsonNode set(JsonNode root, List<Object> path, JsonNode value) {
        JsonNode copy = root.deepCopy();
        if (!copy.isContainerNode()) {
            return copy;
        }
        JsonNode parent = copy;
        for (int i = 0; i < path.size() - 1; i++) {
            Object step = path.get(i);
            JsonNode next = step instanceof Integer index ? parent.path(index) : parent.path((String) step);
            if (!next.isContainerNode()) {
                return copy;
            }
            parent = next;
        }
        Object last = path.get(path.size() - 1);
        if (parent instanceof ObjectNode o && last instanceof String key) {
            o.set(key, value);
        } else if (parent instanceof ArrayNode a && last instanceof Integer index) {
            if (a.size() > index) {
                a.set(index, value);
            } else {
                a.add(value);
            }
        }
        return copy;
    }

    public static JsonNode remove(JsonNode root, List<Object> path) {
        JsonNode copy = root.deepCopy();
        if (path.size() == 1 && copy instanceof ObjectNode o) {
            o.remove((String) path.get(0));
        }
        return copy;
    }

    public static byte[] bytes(Object body) {
        try {
            return body instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The body with the bytes of "MARK" replaced by {@code raw}. */
    public static byte[] splice(byte[] body, byte[] raw) {
        String text = new String(body, StandardCharsets.UTF_8);
        int at = text.indexOf("MARK");
        byte[] head = text.substring(0, at).getBytes(StandardCharsets.UTF_8);
        byte[] tail = text.substring(at + 4).getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head);
        out.writeBytes(raw);
        out.writeBytes(tail);
        return out.toByteArray();
    }

    public static byte[] oversized(JsonNode plausible) {
        ObjectNode body = plausible.isObject() ? ((ObjectNode) plausible).deepCopy() : NODES.objectNode();
        body.put("padding", "x".repeat(1_200_000));
        return bytes(body);
    }

    public static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    public static String abbreviate(String s) {
        String oneLine = s.replaceAll("\\p{Cntrl}", "?");
        return oneLine.length() > 400 ? oneLine.substring(0, 400) + "…(" + s.length() + ")" : oneLine;
    }

    /** The JSON path as the API names it in {@code errors[].field}: {@code statuses[0].itemId}. */
    public static String fieldName(List<Object> path) {
        StringBuilder name = new StringBuilder();
        for (Object step : path) {
            if (step instanceof Integer index) {
                name.append('[').append(index).append(']');
            } else {
                name.append(name.isEmpty() ? "" : ".").append(step);
            }
        }
        return name.toString();
    }
}
