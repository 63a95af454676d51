package jp.kyoso.core.web;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import java.util.List;
import java.util.Map;

/**
 * Completes the generated contract with what every operation shares, so that it is written
 * once: the RFC 9457 problem responses each operation can give, the Problem schema, and the
 * Idempotency-Key header of creates (and the free-form AuditState schema).
 */
public class ContractFilter implements OASFilter {

    private static final String PROBLEM_REF = "#/components/schemas/Problem";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().addSchema("FieldError", OASFactory.createSchema()
                .type(List.of(Schema.SchemaType.OBJECT))
                .addProperty("field", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING))
                        .description("JSON path of the invalid field"))
                .addProperty("message", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING))));
        openAPI.getComponents().addSchema("AuditState", OASFactory.createSchema()
                .type(List.of(Schema.SchemaType.OBJECT, Schema.SchemaType.NULL)).additionalPropertiesBoolean(Boolean.TRUE)
                .description("An entity's fields as the audit log recorded them (free-form JSON object); "
                        + "null before a create and after a delete"));
        openAPI.getComponents().addSchema("Problem", OASFactory.createSchema()
                .type(List.of(Schema.SchemaType.OBJECT))
                .description("RFC 9457 problem detail, served as application/problem+json")
                .addRequired("title").addRequired("status")
                .addProperty("type", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)))
                .addProperty("title", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)))
                .addProperty("status", OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER)))
                .addProperty("detail", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)))
                .addProperty("instance", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)))
                .addProperty("errors", OASFactory.createSchema().type(List.of(Schema.SchemaType.ARRAY))
                        .items(OASFactory.createSchema().ref("#/components/schemas/FieldError")))
                .addProperty("requestId", OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING))
                        .description("The request's id, also in the X-Request-Id response header and the server's logs")));
        openAPI.getComponents().getSchemas().values().forEach(ContractFilter::allowNullWhereAnyOfDoes);
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            Map<PathItem.HttpMethod, Operation> operations = path.getValue().getOperations();
            if (operations == null) {
                continue;
            }
            operations.forEach((method, op) -> complete(path.getKey(), method, op));
        }
        requireEveryPropertyOfResponses(openAPI);
    }

    private void complete(String path, PathItem.HttpMethod method, Operation op) {
        APIResponses responses = op.getResponses() == null ? OASFactory.createAPIResponses() : op.getResponses();
        op.setResponses(responses);
        // Every operation can get a 400: unknown query parameters and malformed paths are refused too.
        problem(responses, "400", "Invalid input; `errors` names each invalid field or parameter");
        if (op.getSecurity() != null && !op.getSecurity().isEmpty()) {
            problem(responses, "401", "Not signed in, or the access token is invalid");
            problem(responses, "403", "Signed in, but not allowed to do this");
        }
        if (path.contains("{")) {
            problem(responses, "404", "No such resource, or not visible to the caller");
        }
        if (method == PathItem.HttpMethod.POST || method == PathItem.HttpMethod.PUT
                || method == PathItem.HttpMethod.DELETE) {
            problem(responses, "409", "The resource's current state does not allow this");
        }
        if (op.getRequestBody() != null) {
            problem(responses, "415", "The request's Content-Type is not one this operation accepts");
        }
        boolean write = method == PathItem.HttpMethod.POST || method == PathItem.HttpMethod.PUT
                || method == PathItem.HttpMethod.DELETE;
        // Every write can lose a race at commit to a concurrent change of the same row (two people
        // accepting one proposal, say): the loser gets 412 and reloads.
        if (write || hasHeader(op, "If-Match")) {
            problem(responses, "412", "If-Match does not match the current ETag, or a concurrent change of the "
                    + "same data was saved first: reload and try again");
        }
        if (hasHeader(op, "If-Match") && (method == PathItem.HttpMethod.PUT || method == PathItem.HttpMethod.DELETE)) {
            problem(responses, "428", "If-Match is required: send the ETag you read");
        }
        if (method == PathItem.HttpMethod.POST && op.getSecurity() != null && !op.getSecurity().isEmpty()) {
            problem(responses, "422", "The Idempotency-Key was used for a different request");
            op.addParameter(OASFactory.createParameter()
                    .name("Idempotency-Key").in(Parameter.In.HEADER).required(false)
                    .description("Makes a retried request return the first answer instead of acting twice")
                    .schema(OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)).maxLength(200)));
        }
        // Answers of the HTTP layer, for any operation.
        problem(responses, "406", "The Accept header names no media type this operation can answer with");
        problem(responses, "413", "The request body is larger than 1 MiB");
        problem(responses, "414", "The request line (path and query) is longer than the server accepts");
        problem(responses, "431", "The request's headers are larger than the server accepts");
        problem(responses, "429", "Too many requests from this client or user; wait for Retry-After seconds");
        problem(responses, "500", "Unexpected server error (no internals are disclosed)");
        problem(responses, "503", "The database is restarting or the query took too long; retry after Retry-After seconds");
        // Errors an operation declares itself (a 401 for a filter value that needs sign-in, say)
        // have the same problem+json body as every other error.
        responses.getAPIResponses().forEach((code, response) -> {
            if (code.startsWith("4") && response.getContent() == null) {
                response.setContent(problemContent());
            }
        });
    }

    /**
     * A nullable property of a referenced type comes out as {@code anyOf: [$ref, {type: null}]},
     * but for one of them (Listing.contact) the generator also writes {@code type: object}, which
     * forbids the null the anyOf allows. Such a type is widened to allow null, as for the others.
     */
    /**
     * Responses always carry every field of their record (null where there is no value), so a
     * schema that only ever describes responses lists all its properties as required: then a
     * client can rely on them, and the tests' response validation notices a missing field.
     * Schemas that requests use (directly or nested) keep their fields optional.
     */
    private static void requireEveryPropertyOfResponses(OpenAPI openAPI) {
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        java.util.Set<String> inRequests = new java.util.HashSet<>();
        openAPI.getPaths().getPathItems().values().forEach(item -> {
            if (item.getOperations() != null) {
                item.getOperations().values().forEach(op -> {
                    if (op.getRequestBody() != null && op.getRequestBody().getContent() != null) {
                        op.getRequestBody().getContent().getMediaTypes().values()
                                .forEach(media -> collectRefs(media.getSchema(), schemas, inRequests));
                    }
                });
            }
        });
        schemas.forEach((name, schema) -> {
            if (!inRequests.contains(name) && schema.getProperties() != null && !schema.getProperties().isEmpty()
                    && (schema.getRequired() == null || schema.getRequired().isEmpty())) {
                schema.setRequired(new java.util.ArrayList<>(schema.getProperties().keySet()));
            }
        });
    }

    /** Adds the component schemas {@code schema} refers to, transitively, to {@code names}. */
    private static void collectRefs(Schema schema, Map<String, Schema> schemas, java.util.Set<String> names) {
        if (schema == null) {
            return;
        }
        if (schema.getRef() != null) {
            String name = schema.getRef().substring(schema.getRef().lastIndexOf('/') + 1);
            if (names.add(name)) {
                collectRefs(schemas.get(name), schemas, names);
            }
        }
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(p -> collectRefs(p, schemas, names));
        }
        collectRefs(schema.getItems(), schemas, names);
        collectRefs(schema.getAdditionalPropertiesSchema(), schemas, names);
        for (List<Schema> group : java.util.Arrays.asList(schema.getAnyOf(), schema.getAllOf(), schema.getOneOf())) {
            if (group != null) {
                group.forEach(s -> collectRefs(s, schemas, names));
            }
        }
    }

    private static void allowNullWhereAnyOfDoes(Schema schema) {
        if (schema.getProperties() == null) {
            return;
        }
        for (Schema property : schema.getProperties().values()) {
            boolean anyOfAllowsNull = property.getAnyOf() != null && property.getAnyOf().stream()
                    .anyMatch(s -> s.getType() != null && s.getType().equals(List.of(Schema.SchemaType.NULL)));
            if (anyOfAllowsNull && property.getType() != null && !property.getType().contains(Schema.SchemaType.NULL)) {
                List<Schema.SchemaType> types = new java.util.ArrayList<>(property.getType());
                types.add(Schema.SchemaType.NULL);
                property.setType(types);
            }
        }
    }

    private static boolean hasHeader(Operation op, String name) {
        return op.getParameters() != null && op.getParameters().stream()
                .anyMatch(p -> p.getIn() == Parameter.In.HEADER && name.equalsIgnoreCase(p.getName()));
    }

    private static void problem(APIResponses responses, String code, String description) {
        responses.addAPIResponse(code, OASFactory.createAPIResponse().description(description).content(problemContent()));
    }

    private static Content problemContent() {
        return OASFactory.createContent().addMediaType("application/problem+json",
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_REF)));
    }
}
