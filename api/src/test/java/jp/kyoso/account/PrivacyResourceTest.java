package jp.kyoso.account;

import jp.kyoso.support.Api;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jp.kyoso.support.Fixtures;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static jp.kyoso.support.Api.anonymous;
import static jp.kyoso.support.Api.as;
import static jp.kyoso.support.Api.unique;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The person's own data: export everything held about them, and delete their account. */
@QuarkusTest
class PrivacyResourceTest {

    private static final String ME = "/api/v1/me";
    private static final String MY_DATA = "/api/v1/me/data";

    @Inject
    EntityManager em;

    @Test
    void anonymousCallersMustSignIn() {
        anonymous().get(MY_DATA).then().statusCode(401).contentType("application/problem+json");
        anonymous().delete(ME).then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void theExportHoldsTheirDataAndNothingOfOthers() {
        String code = Fixtures.municipality();
        String staff = unique("privacy-staff");
        Fixtures.staff(code, staff, "STAFF");
        String person = unique("exporter");
        String other = unique("bystander");
        String myOrg = Fixtures.organization(code, person, staff, unique("私の団体"), "説明", List.of(), List.of());
        String otherOrg = Fixtures.organization(code, other, staff, unique("他の団体"), "説明", List.of(), List.of());
        join(other, otherOrg, person, "EDITOR");
        String openInvitation = as(person).body(Map.of("role", "EDITOR"))
                .post("/api/v1/organizations/" + myOrg + "/invitations").then().statusCode(201).extract().path("id");
        UUID personId = idOf(person);
        UUID otherId = idOf(other);
        notify(personId, code, "私宛ての通知");
        notify(otherId, code, "他人宛ての通知");

        Response export = as(person).get(MY_DATA);
        export.then().statusCode(200)
                .body("user.id", equalTo(personId.toString()))
                .body("user.name", equalTo(Api.nameOf(person)))
                .body("user.email", equalTo(person + "@users.kyoso.example"))
                .body("user.createdAt", org.hamcrest.Matchers.notNullValue())
                .body("user.lastSeenAt", org.hamcrest.Matchers.notNullValue())
                .body("staff", empty())
                .body("memberships.organizationId", hasItems(myOrg, otherOrg))
                .body("memberships.find { it.organizationId == '" + myOrg + "' }.role", equalTo("OWNER"))
                .body("memberships.find { it.organizationId == '" + otherOrg + "' }.role", equalTo("EDITOR"))
                .body("organizations.id", hasItems(myOrg, otherOrg))
                .body("invitations.find { it.id == '" + openInvitation + "' }.createdByMe", equalTo(true))
                .body("invitations.findAll { it.acceptedByMe }.organizationId", contains(otherOrg))
                .body("notifications.subject", contains("私宛ての通知"))
                .body("auditEntries.action", hasItems("organization.create", "invitation.create", "member.join"));
        String text = export.asString();
        assertFalse(text.contains(other), "the export names another person");
        assertFalse(text.contains("他人宛ての通知"), "the export holds another person's notification");
        assertFalse(text.contains("\"code\""), "invitation codes are secrets and stay out");

        // Staff see their own role in their export.
        as(staff).get(MY_DATA).then().statusCode(200).body("staff.municipalityCode", contains(code))
                .body("staff[0].role", equalTo("STAFF"));
    }

    @Test
    void deletingTheAccountErasesThePersonAndHandsTheirOrganisationToStaff() {
        String code = Fixtures.municipality();
        String staff = unique("privacy-staff");
        Fixtures.staff(code, staff, "STAFF");
        String person = unique("leaver");
        String email = person + "@users.kyoso.example";
        String other = unique("stayer");
        String soleOrg = Fixtures.organization(code, person, staff, unique("一人の団体"), "説明", List.of(), List.of());
        String otherOrg = Fixtures.organization(code, other, staff, unique("残る団体"), "説明", List.of(), List.of());
        join(other, otherOrg, person, "EDITOR");
        Fixtures.staff(code, person, "STAFF");
        String openInvitation = as(person).body(Map.of("role", "EDITOR"))
                .post("/api/v1/organizations/" + soleOrg + "/invitations").then().statusCode(201).extract().path("id");
        UUID personId = idOf(person);
        notify(personId, code, "退会前の通知");
        assertTrue(count("select count(*) from audit_entry where actor_name = ?1 or strpos(cast(before_state as text), ?2) > 0"
                + " or strpos(cast(after_state as text), ?2) > 0", person, email) > 0, "the audit log named them before");

        as(person).delete(ME).then().statusCode(204);

        Object[] row = (Object[]) em.createNativeQuery("select display_name, email, subject from app_user where id = ?1")
                .setParameter(1, personId).getSingleResult();
        assertEquals(AccountErasure.DELETED_NAME, row[0]);
        assertNull(row[1]);
        assertEquals("deleted:" + personId, row[2]);
        assertEquals(0, count("select count(*) from organization_membership where user_id = ?1", personId));
        assertEquals(0, count("select count(*) from staff_membership where user_id = ?1", personId));
        assertEquals(0, count("select count(*) from notification where user_id = ?1", personId));
        assertEquals(1, count("select count(*) from organization_invitation where id = ?1 and revoked_at is not null",
                UUID.fromString(openInvitation)));
        assertEquals(0, count("select count(*) from organization_membership where organization_id = ?1",
                UUID.fromString(soleOrg)));
        // The other organisation keeps its owner.
        as(other).get("/api/v1/organizations/" + otherOrg + "/members").then().statusCode(200)
                .body("items.name", contains(Api.nameOf(other)));

        // The organisation they alone owned lives on, managed by the municipality's staff.
        String etag = as(staff).get("/api/v1/organizations/" + soleOrg).then().statusCode(200).extract().header("ETag");
        as(staff).header("If-Match", etag)
                .body(Fixtures.organizationBody("引き継がれた団体", "職員が管理", List.of(), List.of()))
                .put("/api/v1/organizations/" + soleOrg).then().statusCode(200).body("name", equalTo("引き継がれた団体"));
        assertEquals(1, count("select count(*) from audit_entry where action = 'organization.handover' and entity_id = ?1",
                soleOrg));
        assertEquals(0, count("select count(*) from audit_entry where action = 'organization.handover' and entity_id = ?1",
                otherOrg));
        as(staff).queryParam("entityType", "organization").queryParam("entityId", soleOrg)
                .get("/api/v1/municipalities/" + code + "/audit-log").then().statusCode(200)
                .body("items.action", hasItem("organization.handover"));

        // The audit log keeps the facts, not the person.
        assertTrue(count("select count(*) from audit_entry where actor_id = ?1", personId) > 0);
        assertEquals(0, count("select count(*) from audit_entry where actor_name = ?1"
                + " or strpos(coalesce(cast(before_state as text), ''), ?1) > 0"
                + " or strpos(coalesce(cast(after_state as text), ''), ?1) > 0"
                + " or strpos(lower(coalesce(cast(before_state as text), '')), ?2) > 0"
                + " or strpos(lower(coalesce(cast(after_state as text), '')), ?2) > 0", person, email));
        assertEquals(0, count("select count(*) from app_user where display_name = ?1 or lower(email) = ?2", person, email));

        // Signing in again with the same identity starts a fresh account.
        String newId = as(person).get(ME).then().statusCode(200)
                .body("name", equalTo(Api.nameOf(person)))
                .body("staff", empty())
                .body("organizations", empty())
                .extract().path("id");
        assertNotNull(newId);
        assertNotEquals(personId.toString(), newId);
        as(person).get(MY_DATA).then().statusCode(200)
                .body("memberships", empty()).body("notifications", empty()).body("auditEntries", empty())
                .body("organizations.id", not(hasItem(soleOrg)));
    }

    private static void join(String owner, String orgId, String member, String role) {
        String invitation = as(owner).body(Map.of("role", role)).post("/api/v1/organizations/" + orgId + "/invitations")
                .then().statusCode(201).extract().path("code");
        as(member).post("/api/v1/invitations/" + invitation + "/acceptance").then().statusCode(200);
    }

    private static UUID idOf(String user) {
        return UUID.fromString(as(user).get(ME).then().statusCode(200).extract().path("id"));
    }

    private void notify(UUID userId, String code, String subject) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                        insert into notification (user_id, municipality_code, kind, subject)
                        values (?1, ?2, 'MATCH_PROPOSED', ?3)""")
                .setParameter(1, userId).setParameter(2, code).setParameter(3, subject).executeUpdate());
    }

    private long count(String sql, Object... params) {
        var query = em.createNativeQuery(sql);
        for (int i = 0; i < params.length; i++) {
            query.setParameter(i + 1, params[i]);
        }
        return ((Number) query.getSingleResult()).longValue();
    }
}
