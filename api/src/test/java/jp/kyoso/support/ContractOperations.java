package jp.kyoso.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The operations of an OpenAPI document — by default the committed {@code openapi.yaml} — for the
 * tests that walk the whole contract (authorisation matrix, mass assignment, negative input, contract).
 */
public final class ContractOperations {

    public static final Path CONTRACT = Path.of("..", "openapi.yaml");
    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

    private ContractOperations() {
    }

    public static JsonNode document() {
        try {
            return new YAMLMapper().readTree(CONTRACT.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** "METHOD /path/{template}" of every operation, in the order of the file, with its definition. */
    public static Map<String, JsonNode> operations(JsonNode doc) {
        Map<String, JsonNode> ops = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> it = path.getValue().fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> op = it.next();
                if (METHODS.contains(op.getKey())) {
                    ops.put(op.getKey().toUpperCase() + " " + path.getKey(), op.getValue());
                }
            }
        }
        return ops;
    }
}
