package jp.kyoso.organization;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import jp.kyoso.support.AtOnce;
import jp.kyoso.support.Api;
import jp.kyoso.support.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import static io.restassured.RestAssured.withArgs;
import static jp.kyoso.support.Api.anonymous;
import static jp.kyoso.support.Api.as;
import static jp.kyoso.support.Api.unique;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/**
 * Members of an organisation: joining by single-use invitation codes, roles, leaving, and the
 * rule that an organisation always keeps an owner.
 */
@QuarkusTest
class MembershipResourceTest {

    private static final String PROBLEM = "application/problem+json";

    private String code;
    private String staff;
    private String owner;
    private String orgId;
    private String orgName;

    @BeforeEach
    void anApprovedOrganisationWithItsOwner() {
        code = Fixtures.municipality();
        staff = unique("staff");
        Fixtures.staff(code, staff, "STAFF");
        owner = unique("owner");
        orgName = unique("見守りの会");
        orgId = Fixtures.organization(code, owner, staff, orgName, "高齢者の見守り", List.of("HEALTH_WELFARE"),
                List.of());
    }

    // ---------------------------------------------------------------- helpers

    private String org() {
        return "/api/v1/organizations/" + orgId;
    }

    private String members() {
        return org() + "/members";
    }

    private String member(String userId) {
        return members() + "/" + userId;
    }

    /** The member's ETag, as an owner's client reads it from the member list: what a role change or removal sends. */
    private String memberTag(String userId) {
        Object version = as(staff).get(members()).then().statusCode(200).extract()
                .path("items.find { it.userId == '" + userId + "' }.version");
        return "\"" + version + "\"";
    }

    private String invitations() {
        return org() + "/invitations";
    }

    private ValidatableResponse invite(String user, String role) {
        return as(user).body(Map.of("role", role)).post(invitations()).then();
    }

    private String inviteCode(String role) {
        return invite(owner, role).statusCode(201).extract().path("code");
    }

    private static ValidatableResponse accept(String user, String invitationCode) {
        return as(user).post("/api/v1/invitations/" + invitationCode + "/acceptance").then();
    }

    /** A new person who joined the organisation with that role. */
    private String joined(String role) {
        String user = unique(role.toLowerCase());
        accept(user, inviteCode(role)).statusCode(200);
        return user;
    }

    private static String idOf(String user) {
        return as(user).get("/api/v1/me").then().statusCode(200).extract().path("id");
    }

    private List<String> memberIds() {
        return as(owner).get(members()).then().statusCode(200).extract().path("items.userId");
    }

    private String roleOf(String userId) {
        return as(owner).get(members()).then().statusCode(200).extract()
                .path("items.find { it.userId == '" + userId + "' }.role");
    }

    private Map<String, Object> profile(String name) {
        return new HashMap<>(Fixtures.organizationBody(name, "高齢者の見守り", List.of("HEALTH_WELFARE"), List.of()));
    }

    /** Invitations. */
    @Nested
    class Invitations {

        @Test
        void anInvitedPersonJoinsAndTheOrganisationBecomesTheirs() {
            ExtractableResponse<Response> invitation = invite(owner, "EDITOR").statusCode(201)
                    .header("Location", containsString(invitations() + "/"))
                    .body("code", matchesPattern("[0-9a-f]{32}"))
                    .body("role", equalTo("EDITOR"))
                    .body("organizationId", equalTo(orgId))
                    .body("organizationName", equalTo(orgName))
                    .body("expiresAt", notNullValue())
                    .body("acceptedAt", nullValue())
                    .extract();
            String invitee = unique("invitee");
            String inviteeId = idOf(invitee);
            as(invitee).get("/api/v1/me").then().body("organizations", empty());

            accept(invitee, invitation.path("code")).statusCode(200)
                    .body("userId", equalTo(inviteeId))
                    .body("role", equalTo("EDITOR"))
                    .body("roleLabel", equalTo("編集者"))
                    .body("since", notNullValue());

            as(owner).get(members()).then().statusCode(200)
                    .body("total", equalTo(2))
                    .body("items.userId", containsInAnyOrder(idOf(owner), inviteeId))
                    .body("items.find { it.userId == '%s' }.role", withArgs(inviteeId), equalTo("EDITOR"))
                    .body("items.find { it.userId == '%s' }.email", withArgs(inviteeId),
                            equalTo(invitee + "@users.kyoso.example"));
            as(invitee).get("/api/v1/me").then().statusCode(200)
                    .body("organizations.organizationId", contains(orgId))
                    .body("organizations[0].organizationName", equalTo(orgName))
                    .body("organizations[0].role", equalTo("EDITOR"));
            as(invitee).get(org()).then().statusCode(200)
                    .body("myRole", equalTo("EDITOR"))
                    .body("contact.email", equalTo("contact@example.jp"));
            as(owner).get(invitations()).then().statusCode(200)
                    .body("total", equalTo(1))
                    .body("items[0].acceptedAt", notNullValue());
            as(staff).queryParam("entityId", orgId).get("/api/v1/municipalities/" + code + "/audit-log").then()
                    .statusCode(200)
                    .body("items.action", hasItem("member.join"))
                    .body("items.action", hasItem("invitation.create"));
        }

        @Test
        void aPendingOrganisationsOwnerCanInviteToo() {
            String pending = as(owner).body(profile(unique("申請中の会")))
                    .post("/api/v1/municipalities/" + code + "/organizations").then().statusCode(201)
                    .extract().path("id");
            String invitationCode = as(owner).body(Map.of("role", "EDITOR"))
                    .post("/api/v1/organizations/" + pending + "/invitations").then().statusCode(201)
                    .extract().path("code");
            String editor = unique("editor");
            as(editor).get("/api/v1/organizations/" + pending).then().statusCode(404);
            accept(editor, invitationCode).statusCode(200);
            as(editor).get("/api/v1/organizations/" + pending).then().statusCode(200)
                    .body("status", equalTo("PENDING")).body("myRole", equalTo("EDITOR"));
        }

        @Test
        void anInvitationCodeCanBeUsedOnlyOnce() {
            String invitationCode = inviteCode("EDITOR");
            String first = unique("first");
            String second = unique("second");

            accept(first, invitationCode).statusCode(200);
            accept(second, invitationCode).statusCode(409).contentType(PROBLEM).body("status", equalTo(409));
            accept(first, invitationCode).statusCode(409).contentType(PROBLEM);

            assertThat(memberIds(), containsInAnyOrder(idOf(owner), idOf(first)));
            as(second).get("/api/v1/me").then().body("organizations", empty());
            as(second).get(members()).then().statusCode(403);
        }

        @Test
        void anInvitationCodeUsedBySeveralPeopleAtOnceAdmitsOnlyOne() throws Exception {
            String invitationCode = inviteCode("EDITOR");
            List<String> people = new ArrayList<>();
            List<Callable<Integer>> accepts = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String person = unique("racer");
                idOf(person);
                people.add(person);
                accepts.add(() -> as(person).post("/api/v1/invitations/" + invitationCode + "/acceptance").statusCode());
            }

            List<Integer> statuses = AtOnce.statuses(accepts);

            assertThat(statuses.stream().filter(s -> s == 200).count(), equalTo(1L));
            assertThat(statuses.stream().filter(s -> s == 409).count(), equalTo(7L));
            String admitted = people.get(statuses.indexOf(200));
            assertThat(memberIds(), containsInAnyOrder(idOf(owner), idOf(admitted)));
        }

        @Test
        void aRevokedInvitationCannotBeUsed() {
            ExtractableResponse<Response> invitation = invite(owner, "OWNER").statusCode(201).extract();
            String invitationId = invitation.path("id");

            as(owner).delete(invitations() + "/" + invitationId).then().statusCode(204);
            as(owner).get(invitations()).then().statusCode(200)
                    .body("items[0].revokedAt", notNullValue());
            String hopeful = unique("hopeful");
            accept(hopeful, invitation.path("code")).statusCode(409).contentType(PROBLEM);
            assertThat(memberIds(), contains(idOf(owner)));
            as(hopeful).get("/api/v1/me").then().body("organizations", empty());

            // An invitation that was already used cannot be revoked (the member stays).
            String used = invite(owner, "EDITOR").statusCode(201).extract().path("id");
            String usedCode = as(owner).get(invitations()).then()
                    .extract().path("items.find { it.id == '" + used + "' }.code");
            String editor = unique("editor");
            accept(editor, usedCode).statusCode(200);
            as(owner).delete(invitations() + "/" + used).then().statusCode(409).contentType(PROBLEM);
            assertThat(memberIds(), hasItem(idOf(editor)));
        }

        @Test
        void anUnknownCodeIsNotFound() {
            accept(unique("guesser"), "0123456789abcdef0123456789abcdef").statusCode(404).contentType(PROBLEM)
                    .body("status", equalTo(404));
            assertThat(memberIds(), contains(idOf(owner)));
        }

        @Test
        void anInvitationToADeletedOrganisationCannotBeAccepted() {
            String invitationCode = inviteCode("EDITOR");
            as(owner).header("If-Match", Api.etag(owner, org())).delete(org()).then().statusCode(204);
            String latecomer = unique("latecomer");
            accept(latecomer, invitationCode).statusCode(404).contentType(PROBLEM);
            as(latecomer).get("/api/v1/me").then().body("organizations", empty());
        }

        @Test
        void onlyOwnersInvite() {
            String editor = joined("EDITOR");
            String resident = unique("resident");
            String otherOwner = unique("other-owner");
            Fixtures.organization(code, otherOwner, staff, unique("別の会"), "別の活動", List.of(), List.of());

            for (String notAnOwner : List.of(editor, resident, otherOwner)) {
                invite(notAnOwner, "EDITOR").statusCode(403).contentType(PROBLEM);
                as(notAnOwner).get(invitations()).then().statusCode(403).contentType(PROBLEM);
            }
            anonymous().body(Map.of("role", "EDITOR")).post(invitations()).then().statusCode(401).contentType(PROBLEM);
            anonymous().get(invitations()).then().statusCode(401).contentType(PROBLEM);

            // Only the invitation the editor joined with exists.
            as(owner).get(invitations()).then().statusCode(200).body("total", equalTo(1));

            // Accepting needs a signed-in person; an anonymous attempt does not use the code up.
            String invitationCode = inviteCode("EDITOR");
            anonymous().post("/api/v1/invitations/" + invitationCode + "/acceptance").then()
                    .statusCode(401).contentType(PROBLEM);
            accept(resident, invitationCode).statusCode(200);

            // A role the API does not know is refused by name.
            invite(owner, "BOSS").statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("role"));
            as(owner).body("{}").post(invitations()).then().statusCode(400).contentType(PROBLEM)
                    .body("errors.field", hasItem("role"));
            as(owner).get(invitations()).then().body("total", equalTo(2));
        }
    }

    /** Roles and leaving. */
    @Nested
    class RolesAndLeaving {

        @Test
        void theLastOwnerCannotLeaveOrStepDown() {
            String ownerId = idOf(owner);

            as(owner).header("If-Match", memberTag(ownerId)).delete(member(ownerId)).then().statusCode(409).contentType(PROBLEM);
            as(owner).header("If-Match", memberTag(ownerId)).body(Map.of("role", "EDITOR")).put(member(ownerId)).then().statusCode(409).contentType(PROBLEM);
            as(staff).header("If-Match", memberTag(ownerId)).delete(member(ownerId)).then().statusCode(409).contentType(PROBLEM);
            assertThat(memberIds(), contains(ownerId));
            assertThat(roleOf(ownerId), equalTo("OWNER"));
            as(owner).get("/api/v1/me").then().body("organizations[0].role", equalTo("OWNER"));

            // With a second owner, the first may step down; then the second is the last one.
            String second = joined("OWNER");
            String secondId = idOf(second);
            as(owner).header("If-Match", memberTag(ownerId)).body(Map.of("role", "EDITOR")).put(member(ownerId)).then().statusCode(200)
                    .body("role", equalTo("EDITOR"));
            as(second).header("If-Match", memberTag(secondId)).delete(member(secondId)).then().statusCode(409).contentType(PROBLEM);
            as(second).header("If-Match", memberTag(secondId)).body(Map.of("role", "EDITOR")).put(member(secondId)).then().statusCode(409);
            assertThat(roleOf(secondId), equalTo("OWNER"));
            // The former owner, now an editor, can leave.
            as(owner).header("If-Match", memberTag(ownerId)).delete(member(ownerId)).then().statusCode(204);
            assertThat(as(second).get(members()).then().extract().<List<String>>path("items.userId"),
                    contains(secondId));
        }

        @Test
        void ownersLeavingAtTheSameTimeNeverLeaveTheOrganisationWithoutAnOwner() throws Exception {
            List<String> owners = new ArrayList<>(List.of(owner));
            for (int i = 0; i < 5; i++) {
                owners.add(joined("OWNER"));
            }
            List<Callable<Integer>> leaving = new ArrayList<>();
            for (String o : owners) {
                String id = idOf(o);
                String tag = memberTag(id);
                leaving.add(() -> as(o).header("If-Match", tag).delete(member(id)).statusCode());
            }

            List<Integer> statuses = AtOnce.statuses(leaving);

            assertThat(statuses.stream().filter(s -> s == 204).count(), equalTo(5L));
            assertThat(statuses.stream().filter(s -> s == 409).count(), equalTo(1L));
            String remaining = owners.get(statuses.indexOf(409));
            List<String> roles = as(remaining).get(members()).then().statusCode(200).extract().path("items.role");
            assertThat(roles, contains("OWNER"));
        }

        @Test
        void anOwnerChangesAMembersRole() {
            String editor = joined("EDITOR");
            String editorId = idOf(editor);

            // An editor cannot promote themselves.
            as(editor).body(Map.of("role", "OWNER")).put(member(editorId)).then().statusCode(403).contentType(PROBLEM);
            assertThat(roleOf(editorId), equalTo("EDITOR"));
            invite(editor, "EDITOR").statusCode(403);

            as(owner).header("If-Match", memberTag(editorId)).body(Map.of("role", "OWNER")).put(member(editorId)).then().statusCode(200)
                    .body("userId", equalTo(editorId))
                    .body("role", equalTo("OWNER"))
                    .body("roleLabel", equalTo("代表者"));
            assertThat(roleOf(editorId), equalTo("OWNER"));
            as(editor).get("/api/v1/me").then().body("organizations[0].role", equalTo("OWNER"));
            as(editor).get(org()).then().body("myRole", equalTo("OWNER"));
            invite(editor, "EDITOR").statusCode(201);

            as(owner).body(Map.of("role", "CHAIR")).put(member(editorId)).then().statusCode(400).contentType(PROBLEM)
                    .body("errors.field", hasItem("role"));
            as(owner).body(Map.of("role", "EDITOR")).put(member(idOf(unique("stranger")))).then().statusCode(404)
                    .contentType(PROBLEM);
            assertThat(roleOf(editorId), equalTo("OWNER"));
            as(staff).queryParam("entityId", orgId).get("/api/v1/municipalities/" + code + "/audit-log").then()
                    .body("items[0].action", equalTo("invitation.create"))
                    .body("items.action", hasItem("member.role"));
        }

        @Test
        void aMemberLeavesByDeletingThemselves() {
            String editor = joined("EDITOR");
            String editorId = idOf(editor);
            assertThat(memberIds(), hasItem(editorId));

            as(editor).header("If-Match", memberTag(editorId)).delete(member(editorId)).then().statusCode(204);

            assertThat(memberIds(), not(hasItem(editorId)));
            as(editor).get("/api/v1/me").then().body("organizations", empty());
            as(editor).get(org()).then().statusCode(200).body("myRole", nullValue()).body("contact", nullValue());
            as(editor).header("If-Match", Api.etag(owner, org())).body(profile(unique("元メンバーの編集"))).put(org()).then()
                    .statusCode(403);
            as(editor).delete(member(editorId)).then().statusCode(404);
        }

        @Test
        void anOwnerRemovesAMemberButAnEditorCannot() {
            String editor = joined("EDITOR");
            String other = joined("EDITOR");
            String ownerId = idOf(owner);
            String otherId = idOf(other);

            as(editor).delete(member(otherId)).then().statusCode(403).contentType(PROBLEM);
            as(editor).delete(member(ownerId)).then().statusCode(403).contentType(PROBLEM);
            as(unique("resident")).delete(member(otherId)).then().statusCode(403);
            anonymous().delete(member(otherId)).then().statusCode(401);
            assertThat(memberIds(), containsInAnyOrder(ownerId, idOf(editor), otherId));

            as(owner).header("If-Match", memberTag(otherId)).delete(member(otherId)).then().statusCode(204);
            assertThat(memberIds(), containsInAnyOrder(ownerId, idOf(editor)));
            as(other).header("If-Match", Api.etag(owner, org())).body(profile(unique("除名後の編集"))).put(org()).then()
                    .statusCode(403);
        }

        @Test
        void anEditorCanEditTheOrganisationAfterJoining() {
            String newcomer = unique("newcomer");
            String renamed = unique("見守りの会・新");
            as(newcomer).header("If-Match", Api.etag(owner, org())).body(profile(renamed)).put(org()).then()
                    .statusCode(403).contentType(PROBLEM);
            anonymous().get(org()).then().body("name", equalTo(orgName));

            accept(newcomer, inviteCode("EDITOR")).statusCode(200);

            as(newcomer).header("If-Match", Api.etag(newcomer, org())).body(profile(renamed)).put(org()).then()
                    .statusCode(200).body("name", equalTo(renamed)).body("myRole", equalTo("EDITOR"));
            anonymous().get(org()).then().statusCode(200).body("name", equalTo(renamed));
            as(newcomer).get(members()).then().statusCode(200).body("total", equalTo(2));

            // Editing is not owning: an editor neither deletes the organisation nor manages members.
            as(newcomer).delete(org()).then().statusCode(403).contentType(PROBLEM);
            anonymous().get(org()).then().statusCode(200);
        }

        @Test
        void theMemberListIsForMembersAndStaffOnly() {
            String otherCode = Fixtures.municipality();
            String otherStaff = unique("other-staff");
            Fixtures.staff(otherCode, otherStaff, "MANAGER");

            anonymous().get(members()).then().statusCode(401).contentType(PROBLEM);
            as(unique("resident")).get(members()).then().statusCode(403).contentType(PROBLEM);
            as(otherStaff).get(members()).then().statusCode(403).contentType(PROBLEM);
            as(staff).get(members()).then().statusCode(200).body("total", equalTo(1))
                    .body("items[0].role", equalTo("OWNER"));
        }
    }
}
