package jp.kyoso.account;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jp.kyoso.account.MeDtos.MeView;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The signed-in person: their account, staff roles and memberships. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Me", description = "ログイン中の利用者")
public class MeResource {

    @Inject MeService me;

    @GET
    @Path("/me")
    @Operation(operationId = "getMe", summary = "The signed-in user, their staff roles and organisation memberships")
    public MeView me() {
        return me.me();
    }
}
