package jp.kyoso.support;

import jp.kyoso.municipality.LocalGovernmentCode;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static jp.kyoso.support.Api.as;

/** Creates the municipalities, staff, areas and organisations a test needs, through the API. */
public final class Fixtures {

    private Fixtures() {
    }

    private static final java.util.Set<String> ISSUED = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /**
     * A valid, unused local government code (9xxxx is no real prefecture). Never the same twice in
     * a run: with only 10,000 such codes, random draws alone collide once a few dozen are taken.
     */
    public static String newCode() {
        while (true) {
            String five = "9" + String.format("%04d", ThreadLocalRandom.current().nextInt(10_000));
            if (ISSUED.add(five)) {
                return five + LocalGovernmentCode.checkDigit(five);
            }
        }
    }

    public static String municipality() {
        // Codes are drawn at random from 10,000, so a run that creates many municipalities
        // meets a used one now and then: draw again on 409.
        for (int attempt = 0; ; attempt++) {
            String code = newCode();
            int status = as("admin").body(Map.of("code", code, "name", "テスト市" + code, "nameKana", "てすとし",
                            "prefecture", "山口県", "conceptTerm", "COLLABORATIVE_CREATION"))
                    .post("/api/v1/municipalities").then().extract().statusCode();
            if (status == 201) {
                return code;
            }
            if (status != 409 || attempt >= 20) {
                throw new AssertionError("Could not register a test municipality: HTTP " + status);
            }
        }
    }

    /** Makes {@code username} (signed in once) staff of the municipality with that role. */
    public static void staff(String code, String username, String role) {
        as(username).get("/api/v1/me").then().statusCode(200);
        String email = as(username).get("/api/v1/me").then().extract().path("email");
        as("admin").body(Map.of("email", email, "role", role))
                .post("/api/v1/municipalities/" + code + "/staff").then().statusCode(200);
    }

    public static String area(String code, String staffUser, String parentId, String name) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("kind", parentId == null ? "DISTRICT" : "NEIGHBOURHOOD",
                "name", name));
        if (parentId != null) {
            body.put("parentId", parentId);
        }
        return as(staffUser).body(body).post("/api/v1/municipalities/" + code + "/areas")
                .then().statusCode(201).extract().path("id");
    }

    public static Map<String, Object> organizationBody(String name, String description, List<String> themes,
                                                       List<String> areaIds) {
        return Map.of("type", "CIVIC_GROUP", "bond", "THEMATIC", "name", name, "description", description,
                "themes", themes, "areaIds", areaIds,
                "contact", Map.of("name", "連絡 太郎", "email", "contact@example.jp", "phone", "083-000-0000"));
    }

    /** An organisation owned by {@code owner}, approved by {@code staffUser} when not null. */
    public static String organization(String code, String owner, String staffUser, String name, String description,
                                      List<String> themes, List<String> areaIds) {
        String id = as(owner).body(organizationBody(name, description, themes, areaIds))
                .post("/api/v1/municipalities/" + code + "/organizations")
                .then().statusCode(201).extract().path("id");
        if (staffUser != null) {
            as(staffUser).post("/api/v1/organizations/" + id + "/approval").then().statusCode(200);
        }
        return id;
    }
}
