package jp.kyoso.municipality;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jp.kyoso.core.paging.Page;
import jp.kyoso.core.paging.PageParams;
import jp.kyoso.core.web.Etags;
import jp.kyoso.municipality.MunicipalityDtos.MunicipalityCreate;
import jp.kyoso.municipality.MunicipalityDtos.MunicipalityView;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Municipalities", description = "自治体")
public class MunicipalityResource {

    @Inject Municipalities municipalities;

    @GET
    @Path("/municipalities")
    @Operation(operationId = "listMunicipalities", summary = "List municipalities")
    public Page<MunicipalityView> list(@Valid @BeanParam PageParams paging) {
        return municipalities.list(paging);
    }

    @GET
    @Path("/municipalities/{code}")
    @Operation(operationId = "getMunicipality", summary = "Get a municipality by its local government code")
    @APIResponse(responseCode = "200", description = "The municipality",
            content = @Content(schema = @Schema(implementation = MunicipalityView.class)))
    public Response get(@PathParam("code") String code) {
        Municipality m = municipalities.require(code);
        return Etags.ok(municipalities.view(m), m.version);
    }

    @POST
    @Path("/municipalities")
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "registerMunicipality", summary = "Register a municipality (platform admin)")
    @APIResponse(responseCode = "201", description = "Registered",
            content = @Content(schema = @Schema(implementation = MunicipalityView.class)))
    public Response create(@NotNull @Valid MunicipalityCreate request) {
        Municipality m = municipalities.create(request);
        return Etags.created(URI.create("/api/v1/municipalities/" + m.code), municipalities.view(m), m.version);
    }
}
