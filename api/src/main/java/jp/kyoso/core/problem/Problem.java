package jp.kyoso.core.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** An RFC 9457 problem detail, the body of every error response. */
@Schema(name = "Problem", description = "RFC 9457 problem detail (application/problem+json)")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
        @Schema(description = "URI identifying the problem type", examples = "about:blank") String type,
        @Schema(description = "Short summary of the problem type") String title,
        @Schema(description = "HTTP status code") int status,
        @Schema(description = "Explanation specific to this occurrence") String detail,
        @Schema(description = "The request path") String instance,
        @Schema(description = "Invalid fields, for validation errors") List<FieldError> errors,
        @Schema(description = "The request's id, also in the X-Request-Id response header and the server's logs")
        String requestId) {
}
