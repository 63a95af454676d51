package com.example.kyoso;

import com.fasterxml.jackson.databind.ObjectMapper;
import jp.kyoso.sdk.ApiClient;
import jp.kyoso.sdk.api.ListingsApi;
import jp.kyoso.sdk.api.WebhooksApi;
import jp.kyoso.sdk.model.ListingKind;
import jp.kyoso.sdk.model.Listing;
import jp.kyoso.sdk.model.PageListingView;
import jp.kyoso.sdk.model.WebhookWithSecret;
import jp.kyoso.sdk.model.WebhookWrite;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A third-party program built on the Java client generated from Kyoso's openapi.yaml
 * (docs/integrations.md): it signs in with client credentials, searches a municipality's needs
 * and registers a webhook for new listings and match proposals of an organisation it owns.
 *
 * <pre>
 * KYOSO_URL=http://localhost:8080 KYOSO_ISSUER=http://localhost:8180/realms/kyoso \
 * KYOSO_CLIENT_SECRET=kyoso-integration-secret KYOSO_ORGANIZATION=&lt;uuid&gt; \
 * KYOSO_WEBHOOK_URL=https://integration.example.jp/kyoso/webhooks java ... com.example.kyoso.ListingsAndWebhooks
 * </pre>
 */
public final class ListingsAndWebhooks {

    private ListingsAndWebhooks() {
    }

    public static void main(String[] args) throws Exception {
        String base = env("KYOSO_URL", "http://localhost:8080");
        String token = clientCredentials(env("KYOSO_ISSUER", "http://localhost:8180/realms/kyoso"),
                env("KYOSO_CLIENT_ID", "kyoso-integration"), env("KYOSO_CLIENT_SECRET", "kyoso-integration-secret"));

        ApiClient client = new ApiClient();
        client.updateBaseUri(base);
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));

        // Open needs about 防災 in 山陽小野田市, first page of 20.
        PageListingView needs = new ListingsApi(client).searchListings(env("KYOSO_MUNICIPALITY", "352161"),
                null, null, ListingKind.NEED, 0, "防災", 20, null, null);
        System.out.println(needs.getTotal() + " needs found");
        for (Listing need : needs.getItems()) {
            System.out.println(need.getId() + "  " + need.getTitle() + "  (" + need.getStatusLabel() + ")");
        }

        // A webhook for an organisation this client owns (an owner invited its service account).
        String organization = System.getenv("KYOSO_ORGANIZATION");
        if (organization != null) {
            WebhookWithSecret hook = new WebhooksApi(client).createOrganizationWebhook(UUID.fromString(organization),
                    new WebhookWrite()
                            .url(env("KYOSO_WEBHOOK_URL", "https://integration.example.jp/kyoso/webhooks"))
                            .description("在庫管理システム連携")
                            .eventTypes(List.of("listing.created", "match.proposed")),
                    // Idempotency-Key: a retried POST (after a timeout, say) registers one endpoint, not two.
                    UUID.randomUUID().toString());
            // Shown this once: keep it where the receiver can read it (WebhookVerifier checks deliveries with it).
            System.out.println("Registered webhook " + hook.getId() + " with secret " + hook.getSecret());
        }
    }

    /** An access token from the issuer for a confidential client (OAuth 2.0 client credentials). */
    static String clientCredentials(String issuer, String clientId, String secret) throws Exception {
        String form = Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret)
                .entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(issuer + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("Token request refused: HTTP " + answer.statusCode());
        }
        return new ObjectMapper().readTree(answer.body()).get("access_token").asText();
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
