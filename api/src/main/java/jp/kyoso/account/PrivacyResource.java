package jp.kyoso.account;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jp.kyoso.account.PrivacyDtos.MyData;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Me", description = "ログイン中の利用者")
public class PrivacyResource {

    @Inject PersonalDataExport export;
    @Inject AccountErasure erasure;

    @GET
    @Path("/me/data")
    @Operation(operationId = "exportMyData", summary = "Everything Kyoso holds about the signed-in user (personal data export)")
    public MyData data() {
        return export.export();
    }

    @DELETE
    @Path("/me")
    @Operation(operationId = "deleteMyAccount", summary = "Delete the signed-in user's account and erase their personal data")
    @APIResponse(responseCode = "204", description = "The account is deleted")
    public void delete() {
        erasure.deleteAccount();
    }
}
