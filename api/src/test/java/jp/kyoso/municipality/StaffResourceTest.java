package jp.kyoso.municipality;

import jp.kyoso.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import jp.kyoso.support.Fixtures;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static jp.kyoso.support.Api.anonymous;
import static jp.kyoso.support.Api.as;
import static jp.kyoso.support.Api.unique;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
class StaffResourceTest {

    private static String staff(String code) {
        return "/api/v1/municipalities/" + code + "/staff";
    }

    private static String areas(String code) {
        return "/api/v1/municipalities/" + code + "/areas";
    }

    /** Signs a fresh person in once (so that Kyoso knows them) and returns their user name. */
    private static String signedIn(String prefix) {
        String user = unique(prefix);
        as(user).get("/api/v1/me").then().statusCode(200);
        return user;
    }

    private static String email(String username) {
        return username + "@users.kyoso.example";
    }

    private static String userId(String username) {
        return as(username).get("/api/v1/me").then().statusCode(200).extract().path("id");
    }

    private static Map<String, Object> area(String name) {
        return Map.of("kind", "DISTRICT", "name", name);
    }

    private static String member(String code, String role) {
        String user = unique(role.toLowerCase());
        Fixtures.staff(code, user, role);
        return user;
    }

    @Test
    void staffSeeTheirColleaguesWithRoles() {
        String code = Fixtures.municipality();
        String manager = member(code, "MANAGER");
        String clerk = member(code, "STAFF");

        as(clerk).get(staff(code)).then().statusCode(200)
                .body("total", equalTo(2))
                .body("items.userId", containsInAnyOrder(userId(manager), userId(clerk)))
                .body("items.find { it.name == '" + Api.nameOf(manager) + "' }.role", equalTo("MANAGER"))
                .body("items.find { it.name == '" + Api.nameOf(manager) + "' }.roleLabel", equalTo("管理職員"))
                .body("items.find { it.name == '" + Api.nameOf(manager) + "' }.email", equalTo(email(manager)))
                .body("items.find { it.name == '" + Api.nameOf(clerk) + "' }.role", equalTo("STAFF"))
                .body("items.find { it.name == '" + Api.nameOf(clerk) + "' }.roleLabel", equalTo("職員"))
                .body("items.find { it.name == '" + Api.nameOf(clerk) + "' }.since", notNullValue());
        as(manager).header("Accept-Language", "en").get(staff(code)).then().statusCode(200)
                .body("items.find { it.name == '" + Api.nameOf(clerk) + "' }.roleLabel", equalTo("Staff"));

        as("sanyo-staff").get(staff("352161")).then().statusCode(200)
                .body("items.find { it.email == 'sanyo-manager@kyoso.example' }.role", equalTo("MANAGER"))
                .body("items.find { it.email == 'sanyo-staff@kyoso.example' }.role", equalTo("STAFF"))
                .body("items.email", not(hasItem("yamaguchi-staff@kyoso.example")));
    }

    @Test
    void aMunicipalityWithoutStaffHasAnEmptyList() {
        String code = Fixtures.municipality();
        as("admin").get(staff(code)).then().statusCode(200)
                .body("items", empty())
                .body("total", equalTo(0));
    }

    @Test
    void onlyStaffOfThatMunicipalitySeeItsStaff() {
        anonymous().get(staff("352161")).then().statusCode(401).contentType("application/problem+json");
        as(unique("resident")).get(staff("352161")).then().statusCode(403)
                .contentType("application/problem+json");
        as("sanyo-owner").get(staff("352161")).then().statusCode(403);
        as("yamaguchi-staff").get(staff("352161")).then().statusCode(403);
        as("yamaguchi-manager").get(staff("352161")).then().statusCode(403);
        as("sanyo-manager").get(staff("999990")).then().statusCode(404);
    }

    @Test
    void aManagerAppointsStaffByTheEmailOfSomeoneWhoSignedIn() {
        String code = Fixtures.municipality();
        String manager = member(code, "MANAGER");
        String newcomer = signedIn("newcomer");

        as(newcomer).body(area("まだ職員ではない")).post(areas(code)).then().statusCode(403);

        as(manager).body(Map.of("email", email(newcomer).toUpperCase(), "role", "STAFF")).post(staff(code))
                .then().statusCode(200)
                .body("userId", equalTo(userId(newcomer)))
                .body("name", equalTo(Api.nameOf(newcomer)))
                .body("email", equalTo(email(newcomer)))
                .body("role", equalTo("STAFF"))
                .body("roleLabel", equalTo("職員"));

        as(newcomer).body(area("職員になった")).post(areas(code)).then().statusCode(201);
        as(newcomer).get(staff(code)).then().statusCode(200).body("items.name", hasItem(Api.nameOf(newcomer)));
        as(newcomer).get("/api/v1/me").then().body("staff.find { it.municipalityCode == '" + code + "' }.role",
                equalTo("STAFF"));
        // Staff of one municipality only.
        as(newcomer).body(area("他市")).post(areas("352161")).then().statusCode(403);
    }

    @Test
    void aManagerAppointsByUserIdToo() {
        String code = Fixtures.municipality();
        String manager = member(code, "MANAGER");
        String newcomer = signedIn("by-id");
        as(manager).body(Map.of("userId", userId(newcomer), "role", "STAFF")).post(staff(code))
                .then().statusCode(200).body("role", equalTo("STAFF"));
        as(newcomer).body(area("ID で任命")).post(areas(code)).then().statusCode(201);
    }

    @Test
    void onlyAdminsAppointManagers() {
        String code = Fixtures.municipality();
        String manager = member(code, "MANAGER");
        String candidate = signedIn("candidate");

        as(manager).body(Map.of("email", email(candidate), "role", "MANAGER")).post(staff(code))
                .then().statusCode(403).contentType("application/problem+json");
        as(manager).get(staff(code)).then().body("items.name", not(hasItem(Api.nameOf(candidate))));

        as("admin").body(Map.of("email", email(candidate), "role", "MANAGER")).post(staff(code))
                .then().statusCode(200).body("role", equalTo("MANAGER"));
        // Now a manager, they appoint staff themselves.
        String clerk = signedIn("clerk");
        as(candidate).body(Map.of("email", email(clerk), "role", "STAFF")).post(staff(code))
                .then().statusCode(200);
        as(clerk).body(area("任命された職員の地区")).post(areas(code)).then().statusCode(201);
    }

    @Test
    void aManagerCannotPromoteStaffNorDemoteAManager() {
        String code = Fixtures.municipality();
        String manager = member(code, "MANAGER");
        String otherManager = member(code, "MANAGER");
        String clerk = member(code, "STAFF");

        as(manager).body(Map.of("email", email(clerk), "role", "MANAGER")).post(staff(code))
                .then().statusCode(403);
        as(manager).body(Map.of("email", email(otherManager), "role", "STAFF")).post(staff(code))
                .then().statusCode(403);
        as(manager).get(staff(code)).then()
                .body("items.find { it.name == '" + Api.nameOf(clerk) + "' }.role", equalTo("STAFF"))
                .body("items.find { it.name == '" + Api.nameOf(otherManager) + "' }.role", equalTo("MANAGER"));
        // The clerk still cannot appoint anyone.
        as(clerk).body(Map.of("email", email(signedIn("friend")), "role", "STAFF")).post(staff(code))
                .then().statusCode(403);
    }

    @Test
    void staffMembersAndOutsidersCannotAppoint() {
        String code = Fixtures.municipality();
        String clerk = member(code, "STAFF");
        String otherManager = member(Fixtures.municipality(), "MANAGER");
        String friend = signedIn("friend");
        Map<String, Object> body = Map.of("email", email(friend), "role", "STAFF");

        as(clerk).body(body).post(staff(code)).then().statusCode(403).contentType("application/problem+json");
        as(friend).body(body).post(staff(code)).then().statusCode(403);
        as(otherManager).body(body).post(staff(code)).then().statusCode(403);
        anonymous().body(body).post(staff(code)).then().statusCode(401);

        as(friend).body(area("勝手に")).post(areas(code)).then().statusCode(403);
        as("admin").get(staff(code)).then().body("items.name", not(hasItem(friend)));
    }

    @Test
    void invalidAppointmentsNameTheField() {
        String code = Fixtures.municipality();
        String manager = member(code, "MANAGER");
        String friend = signedIn("friend");

        as(manager).body(Map.of("email", unique("never-signed-in") + "@example.jp", "role", "STAFF"))
                .post(staff(code)).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("email"));
        as(manager).body(Map.of("userId", UUID.randomUUID().toString(), "role", "STAFF"))
                .post(staff(code)).then().statusCode(400).body("errors.field", hasItem("userId"));
        as(manager).body(Map.of("userId", userId(friend), "email", email(friend), "role", "STAFF"))
                .post(staff(code)).then().statusCode(400).contentType("application/problem+json")
                .body("errors", not(empty()));
        as(manager).body(Map.of("role", "STAFF"))
                .post(staff(code)).then().statusCode(400).contentType("application/problem+json")
                .body("errors", not(empty()));
        as(manager).body(Map.of("email", "not-an-email", "role", "STAFF"))
                .post(staff(code)).then().statusCode(400).body("errors.field", hasItem("email"));
        as(manager).body(Map.of("email", email(friend)))
                .post(staff(code)).then().statusCode(400).body("errors.field", hasItem("role"));
        as(manager).body(Map.of("email", email(friend), "role", "MAYOR"))
                .post(staff(code)).then().statusCode(400).body("errors.field", hasItem("role"));

        as("admin").get(staff(code)).then().body("total", equalTo(1))
                .body("items.name", not(hasItem(friend)));
        as(friend).body(area("x")).post(areas(code)).then().statusCode(403);
    }

    @Test
    void aRemovedStaffMemberLosesStaffRights() {
        String code = Fixtures.municipality();
        String manager = member(code, "MANAGER");
        String clerk = member(code, "STAFF");
        String clerkId = userId(clerk);
        as(clerk).body(area("在職中")).post(areas(code)).then().statusCode(201);

        as(manager).delete(staff(code) + "/" + clerkId).then().statusCode(204);

        as(clerk).body(area("退職後")).post(areas(code)).then().statusCode(403);
        as(clerk).get(staff(code)).then().statusCode(403);
        as(manager).get(staff(code)).then().body("items.userId", not(hasItem(clerkId)));
        as(manager).delete(staff(code) + "/" + clerkId).then().statusCode(404);
    }

    @Test
    void onlyAdminsRemoveManagersAndStaffRemoveNobody() {
        String code = Fixtures.municipality();
        String manager = member(code, "MANAGER");
        String otherManager = member(code, "MANAGER");
        String otherManagerId = userId(otherManager);
        String clerk = member(code, "STAFF");
        String clerk2Id = userId(member(code, "STAFF"));

        as(manager).delete(staff(code) + "/" + otherManagerId).then().statusCode(403)
                .contentType("application/problem+json");
        as(otherManager).body(area("まだ管理職員")).post(areas(code)).then().statusCode(201);

        as(clerk).delete(staff(code) + "/" + clerk2Id).then().statusCode(403);
        as(member(Fixtures.municipality(), "MANAGER")).delete(staff(code) + "/" + clerk2Id).then().statusCode(403);
        anonymous().delete(staff(code) + "/" + clerk2Id).then().statusCode(401);
        as(manager).get(staff(code)).then().body("total", equalTo(4));

        as("admin").delete(staff(code) + "/" + otherManagerId).then().statusCode(204);
        as(otherManager).body(area("管理職員ではなくなった")).post(areas(code)).then().statusCode(403);
        as(manager).get(staff(code)).then().body("total", equalTo(3));
    }

    @Test
    void appointmentsAndRemovalsAreAudited() {
        String code = Fixtures.municipality();
        String manager = member(code, "MANAGER");
        String clerk = signedIn("audited");
        String clerkId = userId(clerk);
        as(manager).body(new HashMap<>(Map.of("email", email(clerk), "role", "STAFF"))).post(staff(code))
                .then().statusCode(200);
        as(manager).delete(staff(code) + "/" + clerkId).then().statusCode(204);

        as(manager).get("/api/v1/municipalities/" + code + "/audit-log?entityType=staff&entityId=" + clerkId)
                .then().statusCode(200)
                .body("total", equalTo(2))
                .body("items[0].action", equalTo("staff.remove"))
                .body("items[0].actorName", equalTo(Api.nameOf(manager)))
                .body("items[0].before.role", equalTo("STAFF"))
                .body("items[1].action", equalTo("staff.appoint"))
                .body("items[1].after.email", equalTo(email(clerk)));
    }
}
