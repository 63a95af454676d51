package jp.kyoso.audit;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jp.kyoso.core.paging.Page;
import jp.kyoso.core.paging.PageParams;
import jp.kyoso.core.security.Access;
import jp.kyoso.municipality.Municipalities;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit log")
public class AuditResource {

    @Inject Access access;
    @Inject Municipalities municipalities;
    @Inject AuditTrail trail;

    @GET
    @Path("/municipalities/{code}/audit-log")
    @Authenticated
    @Operation(operationId = "listAuditLog", summary = "List the recorded changes in a municipality, newest first (staff)")
    public Page<AuditEntryView> list(@PathParam("code") String code,
                                     @QueryParam("entityType") @Size(max = 50) String entityType,
                                     @QueryParam("entityId") @Size(max = 64) @Pattern(regexp = "[0-9A-Za-z-]*") String entityId,
                                     @Valid @BeanParam PageParams paging) {
        municipalities.require(code);
        access.requireStaff(code);
        return trail.list(code, entityType, entityId, paging);
    }
}
