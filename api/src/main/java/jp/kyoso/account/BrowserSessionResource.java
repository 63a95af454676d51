package jp.kyoso.account;

import jakarta.ws.rs.GET;
import jp.kyoso.core.security.CsrfProtection;
import jp.kyoso.core.security.ServerSideSessions;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;

/**
 * Sign-in for the browser app. The request is authenticated before it arrives here (an HTTP
 * permission sends a browser without a session through the identity provider's login page);
 * this method then sets the CSRF cookie and sends the browser back into the app.
 */
@Path("/api/v1/auth")
@Tag(name = "Browser session", description = "ブラウザのログイン（Cookie セッション）")
public class BrowserSessionResource {

    /** Same rule as the session cookie: Secure over HTTPS, or always when the deployment says so. */
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "quarkus.oidc.authentication.cookie-force-secure",
            defaultValue = "false")
    boolean forceSecureCookies;

    @jakarta.inject.Inject
    io.vertx.ext.web.RoutingContext routing;

    @GET
    @Path("/login")
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "signInFromBrowser", summary = "Sign in from a browser: runs the OIDC code flow, then redirects to `returnTo`",
            description = "For browsers only. Without a session the browser is sent to the identity provider's "
                    + "login page; afterwards the API keeps an HttpOnly session cookie and sets the "
                    + "`kyoso_csrf` cookie whose value cookie-authenticated writes must echo in `X-CSRF-Token`.")
    @APIResponse(responseCode = "303", description = "Signed in; go to `returnTo` (no body)")
    @APIResponse(responseCode = "302", description = "Not signed in yet: go to the identity provider's login page")
    public Response login(@QueryParam("returnTo") @Parameter(description = "A path of this site, e.g. /organizations")
                          String returnTo, @Context UriInfo uri) {
        String target = returnTo != null && returnTo.startsWith("/") && !returnTo.startsWith("//")
                && !returnTo.contains("\\") ? returnTo : "/";
        String csrf = routing.get(ServerSideSessions.CSRF);
        Response.ResponseBuilder answer = Response.seeOther(URI.create(target));
        if (csrf != null) {
            answer.cookie(CsrfProtection.cookie(csrf, forceSecureCookies || "https".equals(uri.getBaseUri().getScheme())));
        }
        return answer.build();
    }
}
