package jp.kyoso.support.walker;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import jp.kyoso.support.Api;
import jp.kyoso.support.BrowserLogin;
import jp.kyoso.support.ContractValidation;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static jp.kyoso.support.Api.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Real objects of the demo data for every path parameter of the contract, the people allowed to
 * call each operation, and a signed-out browser session: so that a request is refused for the
 * one thing the walker corrupted, not because it named nothing.
 */
public final class DemoObjects {

    private static final String MUNICIPALITY = Api.SANYO_ONODA;

    /** "parent/parameter" (e.g. {@code organizations/id}) → a real value. */
    public final Map<String, String> ids = new LinkedHashMap<>();
    private final String throwaway;

    /** {@code throwaway}: the invented person whose account {@code DELETE /me} may erase. */
    public DemoObjects(String throwaway) {
        this.throwaway = throwaway;
    }

    /** Real ids from the demo data, so that a request is refused for the one corrupted input only. */
    public void discover() {
        ids.put("municipalities/code", MUNICIPALITY);
        JsonPath me = as("sanyo-owner").get("/api/v1/me").then().statusCode(200).extract().jsonPath();
        String org = me.getString("organizations.find { it.role == 'OWNER' && it.municipalityCode == '"
                + MUNICIPALITY + "' }.organizationId");
        ids.put("organizations/id", org);
        JsonPath manager = as("sanyo-manager").get("/api/v1/municipalities/" + MUNICIPALITY + "/areas?size=100")
                .then().statusCode(200).extract().jsonPath();
        String area = manager.getString("items.find { it.liaisons && it.liaisons.size() > 0 }.id");
        ids.put("areas/id", area != null ? area : manager.getString("items[0].id"));
        ids.put("liaisons/liaisonId", manager.getString("items.find { it.liaisons && it.liaisons.size() > 0 }.liaisons[0].id"));
        ids.put("listings/id", first("sanyo-owner", "/api/v1/organizations/" + org + "/listings", "items[0].id"));
        ids.put("matches/id", first("sanyo-owner", "/api/v1/organizations/" + org + "/matches", "items[0].id"));
        ids.put("invitations/invitationId", first("sanyo-owner", "/api/v1/organizations/" + org + "/invitations", "items[0].id"));
        ids.put("invitations/code", first("sanyo-owner", "/api/v1/organizations/" + org + "/invitations", "items[0].code"));
        ids.put("members/userId", first("sanyo-owner", "/api/v1/organizations/" + org + "/members",
                "items.find { it.role != 'OWNER' }.userId"));
        ids.put("staff/userId", first("sanyo-staff", "/api/v1/me", "id"));
        ids.put("notifications/id", first("sanyo-owner", "/api/v1/me/notifications", "items[0].id"));
        // The municipality's own plan: other test classes may have added many plans, so look on every page.
        String plan = null;
        for (int page = 0; plan == null && page < 50; page++) {
            plan = first("sanyo-manager", "/api/v1/municipalities/" + MUNICIPALITY + "/plans?size=100&page=" + page,
                    "items.find { it.ownerType == 'MUNICIPALITY' }.id");
        }
        ids.put("plans/id", plan);
        ids.put("items/itemId", first("sanyo-manager", "/api/v1/plans/" + plan + "/items", "items[0].id"));
        ids.put("reviews/reviewId", first("sanyo-manager", "/api/v1/plans/" + plan + "/reviews", "items[0].id"));
        ids.put("versions/number", "1");
        ids.put("indicators/id", first("sanyo-manager", "/api/v1/municipalities/" + MUNICIPALITY + "/indicators",
                "items[0].id"));
        ids.put("values/fiscalYear", "2024");
        String project = first("sanyo-manager", "/api/v1/municipalities/" + MUNICIPALITY + "/projects", "items[0].id");
        ids.put("projects/id", project);
        ids.put("partners/partnerId", first("sanyo-manager", "/api/v1/projects/" + project, "partners[0].id"));
        String event = first("sanyo-manager", "/api/v1/municipalities/" + MUNICIPALITY + "/events?status=CLOSED", "items[0].id");
        ids.put("events/id", event);
        ids.put("registrations/registrationId", first("sanyo-manager", "/api/v1/events/" + event + "/registrations",
                "items[0].id"));
        System.out.println("NegativeInputTest: demo ids " + ids);
    }

    private static String first(String user, String path, String jsonPath) {
        try {
            return as(user).get(path).then().extract().jsonPath().getString(jsonPath);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Who would be allowed to call the operation: the city's manager, the organisation's owner, the admin. */
    public String userFor(String method, String path) {
        if (path.equals("/api/v1/me") && method.equals("DELETE")) {
            return throwaway;
        }
        if (path.startsWith("/api/v1/me") || path.startsWith("/api/v1/auth")) {
            return "sanyo-owner";
        }
        if (path.equals("/api/v1/municipalities")) {
            return "admin";
        }
        if (path.matches("/api/v1/organizations/\\{id}/(approval|suspension|reinstatement)")) {
            return "sanyo-manager";
        }
        if (path.equals("/api/v1/municipalities/{code}/organizations") && method.equals("POST")) {
            return "sanyo-owner";
        }
        if (path.startsWith("/api/v1/organizations") || path.startsWith("/api/v1/listings")
                || path.startsWith("/api/v1/matches") || path.startsWith("/api/v1/invitations")) {
            return "sanyo-owner";
        }
        return "sanyo-manager";
    }

    /** The path with real ids, and {@code bad} (already URL-encoded) in place of {@code corrupt}. */
    public String fill(String template, String corrupt, String bad) {
        Matcher m = Pattern.compile("([^/]+)/\\{([^}]+)}").matcher(template);
        StringBuilder out = new StringBuilder();
        String previous = "";
        while (m.find()) {
            String name = m.group(2);
            // "organizations/webhooks/webhookId" before "webhooks/webhookId": the same segment under two owners.
            String value = name.equals(corrupt) ? bad
                    : ids.getOrDefault(previous + "/" + m.group(1) + "/" + name, ids.get(m.group(1) + "/" + name));
            previous = m.group(1);
            if (value == null) {
                value = UUID.randomUUID().toString();
            }
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + "/" + value));
        }
        m.appendTail(out);
        return out.toString();
    }

    public String etag(String user, String template) {
        String path = fill(template, null, null);
        while (path.startsWith("/api/v1/") && path.length() > "/api/v1/".length()) {
            // A probe, not an operation of the contract (a parent path may only allow DELETE).
            String tag = RestAssured.given().noFiltersOfType(ContractValidation.ResponseCheck.class)
                    .auth().oauth2(Api.token(user)).get(path).then().extract().header("ETag");
            if (tag != null) {
                return tag;
            }
            path = path.substring(0, path.lastIndexOf('/'));
        }
        return "\"0\"";
    }

    /** The cookies of a browser session that signed out: what a copy taken before would hold. */
    public static Map<String, String> signedOutSession() {
        BrowserLogin browser = new BrowserLogin("http://localhost:" + RestAssured.port);
        browser.signIn("sanyo-manager", "/");
        Map<String, String> copy = new LinkedHashMap<>(browser.appCookies());
        assertTrue(copy.containsKey("q_session") && copy.containsKey("kyoso_csrf"), "a browser session: " + copy);
        assertEquals(302, browser.get("/api/v1/auth/logout").statusCode());
        return copy;
    }

    /** The id that can stand for a property of a body ({@code areaId}, {@code organizationId} ...), or null. */
    public String idFor(String property) {
        return switch (property) {
            case "areaId", "areaIds", "parentId" -> ids.get("areas/id");
            case "organizationId" -> ids.get("organizations/id");
            case "needId", "haveId", "listingIds" -> ids.get("listings/id");
            case "planId" -> ids.get("plans/id");
            case "planItemIds", "itemId", "parentItemId" -> ids.get("items/itemId");
            case "userId" -> ids.get("staff/userId");
            case "projectIds", "followUpProjectIds" -> ids.get("projects/id");
            case "followUpListingIds" -> ids.get("listings/id");
            case "registrationId" -> ids.get("registrations/registrationId");
            default -> null;
        };
    }
}
