package jp.kyoso.notification;

import jakarta.inject.Inject;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jp.kyoso.core.i18n.Label;
import jp.kyoso.core.problem.Problems;
import jp.kyoso.core.security.People;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * One-click unsubscribe (RFC 8058): every notification mail carries
 * {@code List-Unsubscribe: <…/api/v1/unsubscribe/{token}>} and
 * {@code List-Unsubscribe-Post: List-Unsubscribe=One-Click}. A POST with the signed token turns
 * that kind (or, from a digest, that digest's kinds) off without a sign-in; a GET only shows a
 * small page asking to confirm (link scanners that open it change nothing).
 */
@Path("/api/v1")
@Tag(name = "Notifications")
public class UnsubscribeResource {

    @Inject UnsubscribeTokens tokens;
    @Inject NotificationSettings settings;
    @Inject People people;

    @GET
    @Path("/unsubscribe/{token}")
    @Produces(MediaType.TEXT_HTML)
    @SecurityRequirementsSet({})
    @Operation(operationId = "showUnsubscribe",
            summary = "A page asking to confirm stopping the mails of a kind (the link in every notification mail)")
    public String show(@PathParam("token") @Size(max = 200) String token) {
        UnsubscribeTokens.Subject s = read(token);
        return page(Label.of("メールの停止", "Stop mails"), Label.of(
                        "「" + what(s, true) + "」のメールを停止しますか？ お知らせ一覧には引き続き届きます。",
                        "Stop the mails of \"" + what(s, false) + "\"? They still reach your inbox."),
                "<form method=\"post\"><input type=\"hidden\" name=\"List-Unsubscribe\" value=\"One-Click\">"
                        + "<button type=\"submit\">停止する / Stop</button></form>");
    }

    @POST
    @Path("/unsubscribe/{token}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @SecurityRequirementsSet({})
    @Operation(operationId = "unsubscribe",
            summary = "Stop the mails of a kind without signing in (RFC 8058 one-click; body List-Unsubscribe=One-Click)")
    public String unsubscribe(@PathParam("token") @Size(max = 200) String token,
                              @FormParam("List-Unsubscribe") @Size(max = 20) String oneClick) {
        UnsubscribeTokens.Subject s = read(token);
        settings.turnOff(s.userId(), s.kind(), s.digest());
        return page(Label.of("メールを停止しました", "Mails stopped"), Label.of(
                        "「" + what(s, true) + "」のメールを停止しました。マイページの通知設定でいつでも戻せます。",
                        "The mails of \"" + what(s, false) + "\" are stopped. Turn them on again on My page."), "");
    }

    private UnsubscribeTokens.Subject read(String token) {
        UnsubscribeTokens.Subject s = tokens.read(token).orElse(null);
        if (s == null || people.find(s.userId()).isEmpty()) {
            throw Problems.notFound(Label.of("この停止リンクは無効です", "This unsubscribe link is not valid"));
        }
        return s;
    }

    private static String what(UnsubscribeTokens.Subject s, boolean japanese) {
        Label label = s.kind() != null ? s.kind().label() : s.digest().label();
        return japanese ? label.ja() : label.en();
    }

    private static String page(Label title, Label text, String form) {
        return "<!DOCTYPE html><html lang=\"ja\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + esc(title.ja())
                + " / " + esc(title.en()) + " — Kyoso</title></head><body><main><h1>" + esc(title.ja()) + "</h1><p>"
                + esc(text.ja()) + "</p><p lang=\"en\">" + esc(text.en()) + "</p>" + form
                + "<p><a href=\"/me\">マイページ / My page</a></p></main></body></html>";
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
