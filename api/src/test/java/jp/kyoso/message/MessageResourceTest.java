package jp.kyoso.message;

import jp.kyoso.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jp.kyoso.account.AccountErasure;
import jp.kyoso.support.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static jp.kyoso.support.Api.anonymous;
import static jp.kyoso.support.Api.as;
import static jp.kyoso.support.Api.unique;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.either;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The contact relay: a signed-in person writes to an organisation instead of using an address;
 * its members (and the municipality's staff) read and answer; the sender reads the answers.
 * The organisation learns the sender's display name, never their e-mail address.
 */
@QuarkusTest
class MessageResourceTest {

    private static final String PROBLEM = "application/problem+json";

    @Inject
    EntityManager em;

    private String code;
    private String staff;
    private String owner;
    private String org;

    @BeforeEach
    void organisation() {
        code = Fixtures.municipality();
        staff = unique("msg-staff");
        Fixtures.staff(code, staff, "STAFF");
        owner = unique("msg-owner");
        org = Fixtures.organization(code, owner, staff, unique("見守りの会"), "説明", List.of(), List.of());
    }

    private static String messages(String orgId) {
        return "/api/v1/organizations/" + orgId + "/messages";
    }

    private static Map<String, Object> message(String subject, String body) {
        Map<String, Object> m = new HashMap<>();
        m.put("subject", subject);
        m.put("body", body);
        return m;
    }

    private String send(String sender, String subject, String body) {
        return as(sender).body(message(subject, body)).post(messages(org)).then().statusCode(201)
                .extract().path("id");
    }

    @Test
    void aResidentWritesTheOwnerAnswersAndTheResidentReadsTheAnswer() {
        String resident = unique("msg-resident");
        String email = resident + "@users.kyoso.example";

        Response sent = as(resident).body(message("見守り活動に参加したい", "週末なら手伝えます。"))
                .post(messages(org));
        sent.then().statusCode(201)
                .body("organizationId", equalTo(org))
                .body("senderName", equalTo(Api.nameOf(resident)))
                .body("mine", equalTo(true))
                .body("subject", equalTo("見守り活動に参加したい"))
                .body("replies", empty());
        String id = sent.path("id");
        assertThat(sent.header("Location"), endsWith(messages(org) + "/" + id));

        // The owner is told, and reads it in the organisation's inbox: a name, no address.
        as(owner).queryParam("read", "false").get("/api/v1/me/notifications").then().statusCode(200)
                .body("items.kind", hasItem("MESSAGE_RECEIVED"));
        String inbox = as(owner).get(messages(org)).then().statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].id", equalTo(id))
                .body("items[0].senderName", equalTo(Api.nameOf(resident)))
                .body("items[0].mine", equalTo(false))
                .body("items[0].body", equalTo("週末なら手伝えます。"))
                .extract().asString();
        assertThat(inbox, not(containsString(email)));

        as(owner).body(Map.of("body", "ありがとうございます。土曜の朝に集会所でお待ちしています。"))
                .post(messages(org) + "/" + id + "/replies").then().statusCode(201)
                .body("replies", hasSize(1))
                .body("replies[0].fromOrganization", equalTo(true))
                .body("replies[0].authorName", equalTo(Api.nameOf(owner)));

        // The resident is told and sees the answer, signed by the organisation.
        as(resident).queryParam("read", "false").get("/api/v1/me/notifications").then().statusCode(200)
                .body("items.kind", contains("MESSAGE_REPLIED"))
                .body("items[0].organizationId", equalTo(org));
        String orgName = anonymous().get("/api/v1/organizations/" + org).then().extract().path("name");
        as(resident).get("/api/v1/me/messages").then().statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].id", equalTo(id))
                .body("items[0].organizationName", equalTo(orgName))
                .body("items[0].replies[0].body", equalTo("ありがとうございます。土曜の朝に集会所でお待ちしています。"))
                .body("items[0].replies[0].authorName", equalTo(orgName));

        // The resident follows up; the members hear of it.
        as(resident).body(Map.of("body", "了解しました。")).post(messages(org) + "/" + id + "/replies").then()
                .statusCode(201).body("replies.fromOrganization", contains(true, false));
        as(staff).get(messages(org) + "/" + id).then().statusCode(200)
                .body("replies.body", contains("ありがとうございます。土曜の朝に集会所でお待ちしています。", "了解しました。"));

        // The audit keeps the fact without the correspondence.
        String audit = as(staff).queryParam("entityType", "organization_message").queryParam("entityId", id)
                .get("/api/v1/municipalities/" + code + "/audit-log").then().statusCode(200)
                .body("items.action", hasItem("message.send")).extract().asString();
        assertThat(audit, not(containsString("週末なら手伝えます")));
    }

    @Test
    void badMessagesAreRefusedAndNothingIsSent() {
        String resident = unique("msg-resident");
        Map<Map<String, Object>, String> cases = new java.util.LinkedHashMap<>();
        cases.put(message("", "本文"), "subject");
        cases.put(message("件名", "   "), "body");
        cases.put(message(null, "本文"), "subject");
        cases.put(message("あ".repeat(201), "本文"), "subject");
        cases.put(message("件名", "あ".repeat(4001)), "body");
        cases.put(message("件名", "本文\u0000"), "body");
        cases.put(message("件\u0007名", "本文"), "subject");
        cases.put(message("件名\n改行", "本文"), "subject");
        Map<String, Object> extra = message("件名", "本文");
        extra.put("senderId", UUID.randomUUID().toString());
        cases.put(extra, "senderId");
        cases.forEach((body, field) -> as(resident).body(body).post(messages(org)).then()
                .statusCode(400).contentType(PROBLEM).body("errors.field", hasItem(field)));
        as(resident).body("{\"subject\": ").post(messages(org)).then().statusCode(400).contentType(PROBLEM);
        as(resident).body(message("件名", "本文")).post(messages(UUID.randomUUID().toString())).then()
                .statusCode(404).contentType(PROBLEM);
        as(resident).body(message("件名", "本文")).post("/api/v1/organizations/not-a-uuid/messages").then()
                .statusCode(either(equalTo(400)).or(equalTo(404))).contentType(PROBLEM);

        // Line breaks and tabs are part of a letter.
        String id = send(resident, "件名", "一行目\n二行目\tタブ");
        as(owner).body(Map.of("body", "")).post(messages(org) + "/" + id + "/replies").then()
                .statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("body"));
        as(owner).body(Map.of("body", "返信\u0000")).post(messages(org) + "/" + id + "/replies").then()
                .statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("body"));
        as(owner).body(Map.of("body", "あ".repeat(4001))).post(messages(org) + "/" + id + "/replies").then()
                .statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("body"));
        as(owner).queryParam("size", 1000).get(messages(org)).then().statusCode(400).contentType(PROBLEM);
        as(owner).get(messages(org)).then().statusCode(200).body("total", equalTo(1))
                .body("items[0].body", equalTo("一行目\n二行目\tタブ"))
                .body("items[0].replies", empty());
    }

    @Test
    void onlyTheSenderMembersAndStaffReadAConversation() {
        String resident = unique("msg-resident");
        String id = send(resident, "質問", "活動日を教えてください");
        String thread = messages(org) + "/" + id;
        String stranger = unique("msg-stranger");
        String otherCode = Fixtures.municipality();
        String otherStaff = unique("msg-other-staff");
        Fixtures.staff(otherCode, otherStaff, "MANAGER");
        String otherOwner = unique("msg-other-owner");
        String otherOrg = Fixtures.organization(code, otherOwner, staff, unique("別の会"), "説明", List.of(), List.of());

        anonymous().body(message("件名", "本文")).post(messages(org)).then().statusCode(401).contentType(PROBLEM);
        anonymous().get(messages(org)).then().statusCode(401).contentType(PROBLEM);
        anonymous().get("/api/v1/me/messages").then().statusCode(401).contentType(PROBLEM);

        // The inbox: members and the municipality's staff only.
        for (String outsider : List.of(resident, stranger, otherStaff, otherOwner)) {
            as(outsider).get(messages(org)).then().statusCode(403).contentType(PROBLEM);
        }
        as(staff).get(messages(org)).then().statusCode(200).body("total", equalTo(1));
        as("admin").get(messages(org)).then().statusCode(200).body("total", equalTo(1));

        // A conversation: its sender, members, staff; for anyone else it does not exist.
        as(resident).get(thread).then().statusCode(200).body("mine", equalTo(true));
        for (String outsider : List.of(stranger, otherStaff, otherOwner)) {
            as(outsider).get(thread).then().statusCode(404).contentType(PROBLEM);
            as(outsider).body(Map.of("body", "横から失礼")).post(thread + "/replies").then()
                    .statusCode(404).contentType(PROBLEM);
        }
        // Not through another organisation's path either.
        as(otherOwner).get(messages(otherOrg) + "/" + id).then().statusCode(404).contentType(PROBLEM);
        as(otherOwner).get(messages(otherOrg)).then().statusCode(200).body("total", equalTo(0));
        as(stranger).get("/api/v1/me/messages").then().statusCode(200).body("total", equalTo(0));
        as(owner).get(thread).then().statusCode(200).body("replies", empty());
    }

    @Test
    void onlyActiveOrganisationsReceiveMessages() {
        String pending = Fixtures.organization(code, unique("msg-pending"), null, unique("承認待ちの会"), "説明",
                List.of(), List.of());
        as(unique("msg-resident")).body(message("件名", "本文")).post(messages(pending)).then()
                .statusCode(404).contentType(PROBLEM);
        as(staff).body(message("件名", "本文")).post(messages(pending)).then()
                .statusCode(409).contentType(PROBLEM);
    }

    @Test
    void theSendersDataIsExportedAndErasedWithTheirAccount() {
        String resident = unique("msg-leaver");
        String id = send(resident, "退会前の相談", "個人的な事情の相談です");
        as(owner).body(Map.of("body", "承知しました")).post(messages(org) + "/" + id + "/replies").then().statusCode(201);

        as(resident).get("/api/v1/me/data").then().statusCode(200)
                .body("messages[0].id", equalTo(id))
                .body("messages[0].subject", equalTo("退会前の相談"))
                .body("messages[0].replies[0].body", equalTo("承知しました"))
                .body("messages[0].replies[0].writtenByMe", equalTo(false));
        as(owner).get("/api/v1/me/data").then().statusCode(200)
                .body("messageReplies.messageId", hasItem(id))
                .body("messages", empty());

        as(resident).delete("/api/v1/me").then().statusCode(204);

        as(owner).get(messages(org)).then().statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].erased", equalTo(true))
                .body("items[0].senderName", equalTo(AccountErasure.DELETED_NAME))
                .body("items[0].subject", nullValue())
                .body("items[0].body", nullValue())
                .body("items[0].replies[0].body", nullValue());
        assertEquals(0L, ((Number) em.createNativeQuery("""
                        select count(*) from organization_message m
                        left join organization_message_reply r on r.message_id = m.id
                        where m.id = ?1 and (m.body is not null or m.subject is not null or r.body is not null)""")
                .setParameter(1, UUID.fromString(id)).getSingleResult()).longValue());
        as(owner).body(Map.of("body", "まだいますか")).post(messages(org) + "/" + id + "/replies").then()
                .statusCode(409).contentType(PROBLEM);
        // A fresh sign-in with the same identity has no messages.
        as(resident).get("/api/v1/me/messages").then().statusCode(200).body("total", equalTo(0));
    }
}
