package jp.kyoso.municipality;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jp.kyoso.core.paging.Page;
import jp.kyoso.municipality.StaffDtos.StaffAppointment;
import jp.kyoso.municipality.StaffDtos.StaffMemberView;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Staff", description = "自治体職員")
public class StaffResource {

    @Inject StaffService staff;

    @GET
    @Path("/municipalities/{code}/staff")
    @Operation(operationId = "listStaff", summary = "List the staff of a municipality (its staff only)")
    public Page<StaffMemberView> list(@PathParam("code") String code) {
        return Page.all(staff.list(code));
    }

    @POST
    @Path("/municipalities/{code}/staff")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "appointStaff", summary = "Appoint a staff member (managers) or a manager (platform admins); changes the role of an existing member")
    public StaffMemberView appoint(@PathParam("code") String code, @NotNull @Valid StaffAppointment request) {
        return staff.appoint(code, request);
    }

    @DELETE
    @Path("/municipalities/{code}/staff/{userId}")
    @Operation(operationId = "removeStaff", summary = "Remove a staff member (managers; managers themselves by platform admins)")
    @APIResponse(responseCode = "204", description = "Removed")
    public void remove(@PathParam("code") String code, @PathParam("userId") UUID userId) {
        staff.remove(code, userId);
    }
}
