package jp.kyoso.organization;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
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
import java.util.UUID;
import java.util.concurrent.Callable;

import static jp.kyoso.support.Api.anonymous;
import static jp.kyoso.support.Api.as;
import static jp.kyoso.support.Api.unique;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/**
 * The organisation endpoints: registration, reading, replacing with If-Match, soft deletion and
 * the staff-driven lifecycle (PENDING → ACTIVE ⇄ SUSPENDED), with who may do what.
 */
@QuarkusTest
class OrganizationResourceTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String CONTACT_EMAIL = "contact@example.jp";

    private String code;
    private String staff;
    private String owner;

    @BeforeEach
    void freshMunicipality() {
        code = Fixtures.municipality();
        staff = unique("staff");
        Fixtures.staff(code, staff, "STAFF");
        owner = unique("owner");
    }

    // ---------------------------------------------------------------- helpers

    private static String orgsOf(String municipality) {
        return "/api/v1/municipalities/" + municipality + "/organizations";
    }

    private static String org(String id) {
        return "/api/v1/organizations/" + id;
    }

    private static Map<String, Object> body(String name) {
        return new HashMap<>(Fixtures.organizationBody(name, "地域の見守りと防災の活動をしています",
                List.of("DISASTER_RELIEF"), List.of()));
    }

    private static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> copy = new HashMap<>(body);
        copy.put(field, value);
        return copy;
    }

    private String register(String user, String name) {
        return as(user).body(body(name)).post(orgsOf(code)).then().statusCode(201).extract().path("id");
    }

    private String registerApproved(String user, String name) {
        String id = register(user, name);
        as(staff).post(org(id) + "/approval").then().statusCode(200);
        return id;
    }

    /** Makes {@code member} a member of the organisation through an owner's invitation. */
    private static void join(String owner, String orgId, String member, String role) {
        String invitation = as(owner).body(Map.of("role", role)).post(org(orgId) + "/invitations")
                .then().statusCode(201).extract().path("code");
        as(member).post("/api/v1/invitations/" + invitation + "/acceptance").then().statusCode(200);
    }

    private static List<String> auditActions(String municipality, String staffUser, String id) {
        return as(staffUser).queryParam("entityType", "organization").queryParam("entityId", id)
                .queryParam("size", 100)
                .get("/api/v1/municipalities/" + municipality + "/audit-log")
                .then().statusCode(200).extract().path("items.action");
    }

    private long staffTotal(String query) {
        return as(staff).queryParam("q", query).get(orgsOf(code)).then().statusCode(200)
                .extract().<Integer>path("total");
    }

    /** Create and read. */
    @Nested
    class CreateAndRead {

        @Test
        void aSignedInUserRegistersAnOrganisationThatWaitsForApproval() {
            String name = unique("高泊防災ネット");
            String area = Fixtures.area(code, staff, null, unique("高泊地区"));
            Map<String, Object> body = new HashMap<>(Fixtures.organizationBody(name, "地区の防災活動",
                    List.of("DISASTER_RELIEF", "COMMUNITY_SAFETY"), List.of(area)));
            body.put("nameKana", "たかどまりぼうさいねっと");
            body.put("website", "https://example.jp/bousai");

            ExtractableResponse<Response> created = as(owner).body(body).post(orgsOf(code)).then().statusCode(201)
                    .header("ETag", notNullValue())
                    .body("id", notNullValue())
                    .body("municipalityCode", equalTo(code))
                    .body("status", equalTo("PENDING"))
                    .body("statusLabel", equalTo("承認待ち"))
                    .body("name", equalTo(name))
                    .body("nameKana", equalTo("たかどまりぼうさいねっと"))
                    .body("type", equalTo("CIVIC_GROUP"))
                    .body("typeLabel", equalTo("市民活動団体・NPO法人"))
                    .body("bond", equalTo("THEMATIC"))
                    .body("themes", contains("DISASTER_RELIEF", "COMMUNITY_SAFETY"))
                    .body("areaIds", contains(area))
                    .body("website", equalTo("https://example.jp/bousai"))
                    .body("myRole", equalTo("OWNER"))
                    .body("contact.email", equalTo(CONTACT_EMAIL))
                    .extract();
            String id = created.path("id");
            assertThat(created.header("Location"), endsWith("/api/v1/organizations/" + id));

            as(owner).get(org(id)).then().statusCode(200)
                    .header("ETag", equalTo(created.header("ETag")))
                    .body("name", equalTo(name))
                    .body("status", equalTo("PENDING"))
                    .body("areaIds", contains(area));
            as(owner).get("/api/v1/me").then().statusCode(200)
                    .body("organizations.organizationId", contains(id))
                    .body("organizations[0].role", equalTo("OWNER"))
                    .body("organizations[0].organizationStatus", equalTo("PENDING"));
            as(staff).queryParam("status", "PENDING").get(orgsOf(code)).then().statusCode(200)
                    .body("total", equalTo(1))
                    .body("items[0].id", equalTo(id));
            assertThat(auditActions(code, staff, id), contains("organization.create"));
        }

        @Test
        void anInvalidRegistrationNamesTheFieldAndCreatesNothing() {
            String other = Fixtures.municipality();
            String foreignArea = Fixtures.area(other, "admin", null, unique("他市の地区"));
            Map<String, Object> valid = body(unique("会"));

            Map<Map<String, Object>, String> cases = new java.util.LinkedHashMap<>();
            cases.put(with(valid, "name", "   "), "name");
            cases.put(with(valid, "name", "あ".repeat(201)), "name");
            cases.put(with(valid, "type", null), "type");
            cases.put(with(valid, "type", "NOPE"), "type");
            cases.put(with(valid, "bond", "FRIENDSHIP"), "bond");
            cases.put(with(valid, "website", "ftp://example.jp"), "website");
            cases.put(with(valid, "contact", Map.of("email", "not-an-email")), "contact.email");
            cases.put(with(valid, "contact", Map.of("phone", "call me")), "contact.phone");
            cases.put(with(valid, "areaIds", List.of(foreignArea)), "areaIds");
            cases.put(with(valid, "colour", "red"), "colour");
            cases.forEach((invalid, field) -> as(owner).body(invalid).post(orgsOf(code)).then()
                    .statusCode(400)
                    .contentType(PROBLEM)
                    .body("status", equalTo(400))
                    .body("title", notNullValue())
                    .body("errors.field", hasItem(field)));

            as(owner).body(with(valid, "themes", List.of("NOPE"))).post(orgsOf(code)).then()
                    .statusCode(400).contentType(PROBLEM)
                    .body("errors.field", hasItem(containsString("themes")));
            as(owner).body("{\"name\": ").post(orgsOf(code)).then().statusCode(400).contentType(PROBLEM)
                    .body(not(containsString("Exception")));

            // Nothing was registered: staff see every status, and the would-be owner has no organisation.
            as(staff).get(orgsOf(code)).then().statusCode(200).body("total", equalTo(0));
            as(owner).get("/api/v1/me").then().statusCode(200).body("organizations", empty());
        }

        @Test
        void anUnknownOrganisationIsNotFound() {
            anonymous().get(org(UUID.randomUUID().toString())).then().statusCode(404).contentType(PROBLEM)
                    .body("status", equalTo(404));
            as(staff).get(org(UUID.randomUUID().toString())).then().statusCode(404).contentType(PROBLEM);
            anonymous().get(orgsOf("999990")).then().statusCode(404).contentType(PROBLEM);
        }
    }

    /** Update. */
    @Nested
    class Update {

        @Test
        void membersAndStaffReplaceTheProfileWithTheETagTheyRead() {
            String name = unique("見守り隊");
            String id = register(owner, name);
            String etag = Api.etag(owner, org(id));
            String renamed = unique("見守り隊・改");
            String area = Fixtures.area(code, staff, null, unique("地区"));

            String newEtag = as(owner).header("If-Match", etag)
                    .body(with(with(body(renamed), "areaIds", List.of(area)), "themes", List.of("CHILDREN")))
                    .put(org(id)).then().statusCode(200)
                    .body("name", equalTo(renamed))
                    .body("areaIds", contains(area))
                    .body("themes", contains("CHILDREN"))
                    .extract().header("ETag");
            assertThat(newEtag, notNullValue());
            assertThat(newEtag, not(equalTo(etag)));
            as(owner).get(org(id)).then().statusCode(200)
                    .header("ETag", equalTo(newEtag))
                    .body("name", equalTo(renamed))
                    .body("themes", contains("CHILDREN"));

            String byStaff = unique("見守り隊・職員修正");
            as(staff).header("If-Match", newEtag).body(body(byStaff)).put(org(id)).then().statusCode(200)
                    .body("name", equalTo(byStaff))
                    .body("status", equalTo("PENDING"));

            // Who changed what is recorded, newest first, with the state before and after.
            as(staff).queryParam("entityType", "organization").queryParam("entityId", id)
                    .get("/api/v1/municipalities/" + code + "/audit-log").then().statusCode(200)
                    .body("items.action", contains("organization.update", "organization.update", "organization.create"))
                    .body("items[0].before.name", equalTo(renamed))
                    .body("items[0].after.name", equalTo(byStaff))
                    .body("items[1].before.name", equalTo(name))
                    .body("items[1].after.name", equalTo(renamed));
        }

        @Test
        void anInvalidUpdateNamesTheFieldAndChangesNothing() {
            String name = unique("子ども食堂");
            String id = register(owner, name);
            String etag = Api.etag(owner, org(id));
            String foreignArea = Fixtures.area(Fixtures.municipality(), "admin", null, unique("他市の地区"));

            as(owner).header("If-Match", etag).body(with(body(name), "name", "")).put(org(id)).then()
                    .statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("name"));
            as(owner).header("If-Match", etag).body(with(body(unique("改名")), "areaIds", List.of(foreignArea)))
                    .put(org(id)).then()
                    .statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("areaIds"));
            as(owner).header("If-Match", etag).body(with(body(unique("改名")), "contact", Map.of("email", "x@")))
                    .put(org(id)).then()
                    .statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("contact.email"));
            as(owner).header("If-Match", etag).body(with(body(unique("改名")), "type", "CLUB"))
                    .put(org(id)).then()
                    .statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("type"));

            as(owner).get(org(id)).then().statusCode(200)
                    .header("ETag", equalTo(etag))
                    .body("name", equalTo(name))
                    .body("areaIds", empty())
                    .body("contact.email", equalTo(CONTACT_EMAIL));
            assertThat(auditActions(code, staff, id), contains("organization.create"));
        }

        @Test
        void theSecondOfTwoEditsFromTheSameVersionIsRefusedSoNoUpdateIsLost() {
            String id = register(owner, unique("清掃ボランティア"));
            String etag = Api.etag(owner, org(id));
            String first = unique("最初の保存");
            String second = unique("二番目の保存");

            String firstEtag = as(owner).header("If-Match", etag).body(body(first)).put(org(id)).then()
                    .statusCode(200).body("name", equalTo(first)).extract().header("ETag");
            assertThat(firstEtag, not(equalTo(etag)));
            as(staff).header("If-Match", etag).body(body(second)).put(org(id)).then()
                    .statusCode(412).contentType(PROBLEM).body("status", equalTo(412));

            as(owner).get(org(id)).then().statusCode(200)
                    .header("ETag", equalTo(firstEtag))
                    .body("name", equalTo(first));

            // Reloading and saving again succeeds.
            as(staff).header("If-Match", firstEtag).body(body(second)).put(org(id)).then()
                    .statusCode(200).body("name", equalTo(second));
        }

        @Test
        void ofSimultaneousEditsFromTheSameVersionExactlyOneWins() throws Exception {
            String id = register(owner, unique("同時編集の会"));
            String etag = Api.etag(owner, org(id));
            Api.etag(staff, org(id));
            List<String> names = new ArrayList<>();
            List<Callable<Integer>> edits = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String name = unique("同時保存" + i);
                names.add(name);
                String editor = i % 2 == 0 ? owner : staff;
                edits.add(() -> as(editor).header("If-Match", etag).body(body(name)).put(org(id)).statusCode());
            }

            List<Integer> statuses = AtOnce.statuses(edits);

            assertThat(statuses.stream().filter(s -> s == 200).count(), equalTo(1L));
            assertThat(statuses.stream().filter(s -> s == 412).count(), equalTo(7L));
            String winner = names.get(statuses.indexOf(200));
            as(owner).get(org(id)).then().statusCode(200).body("name", equalTo(winner));
            assertThat(auditActions(code, staff, id), contains("organization.update", "organization.create"));
        }

        @Test
        void anUpdateWithoutIfMatchIsRefused() {
            String name = unique("防犯パトロール");
            String id = register(owner, name);
            String etag = Api.etag(owner, org(id));

            as(owner).body(body(unique("上書き"))).put(org(id)).then()
                    .statusCode(428).contentType(PROBLEM).body("status", equalTo(428));
            as(owner).header("If-Match", "not-a-version").body(body(unique("上書き"))).put(org(id)).then()
                    .statusCode(412).contentType(PROBLEM);

            as(owner).get(org(id)).then().statusCode(200)
                    .header("ETag", equalTo(etag))
                    .body("name", equalTo(name));
        }
    }

    /** Who may write. */
    @Nested
    class WhoMayWrite {

        @Test
        void anonymousCallersCannotWrite() {
            String name = unique("花いっぱいの会");
            String id = registerApproved(owner, name);
            String etag = Api.etag(owner, org(id));

            anonymous().body(body(unique("匿名登録"))).post(orgsOf(code)).then().statusCode(401).contentType(PROBLEM);
            anonymous().header("If-Match", etag).body(body(unique("匿名更新"))).put(org(id)).then()
                    .statusCode(401).contentType(PROBLEM);
            anonymous().delete(org(id)).then().statusCode(401).contentType(PROBLEM);
            anonymous().post(org(id) + "/suspension").then().statusCode(401).contentType(PROBLEM);
            anonymous().post(org(id) + "/approval").then().statusCode(401).contentType(PROBLEM);
            anonymous().post(org(id) + "/reinstatement").then().statusCode(401).contentType(PROBLEM);
            anonymous().auth().oauth2("not-a-token").header("If-Match", etag).body(body(unique("偽トークン")))
                    .put(org(id)).then().statusCode(401).contentType(PROBLEM);

            anonymous().get(org(id)).then().statusCode(200)
                    .header("ETag", equalTo(etag))
                    .body("name", equalTo(name))
                    .body("status", equalTo("ACTIVE"));
            as(staff).get(orgsOf(code)).then().statusCode(200).body("total", equalTo(1));
        }

        @Test
        void peopleWithoutARightToTheOrganisationCannotWriteIt() {
            String name = unique("まちづくり研究会");
            String id = registerApproved(owner, name);
            String etag = Api.etag(owner, org(id));

            // An owner and an editor of ANOTHER organisation in the same municipality.
            String otherOwner = unique("other-owner");
            String otherEditor = unique("other-editor");
            String otherOrg = registerApproved(otherOwner, unique("別の団体"));
            join(otherOwner, otherOrg, otherEditor, "EDITOR");
            // Staff of ANOTHER municipality, and a plain user.
            String otherCode = Fixtures.municipality();
            String otherStaff = unique("other-staff");
            Fixtures.staff(otherCode, otherStaff, "MANAGER");
            String resident = unique("resident");

            for (String intruder : List.of(otherOwner, otherEditor, otherStaff, resident)) {
                as(intruder).header("If-Match", etag).body(body(unique("乗っ取り"))).put(org(id)).then()
                        .statusCode(403).contentType(PROBLEM);
                as(intruder).header("If-Match", etag).delete(org(id)).then().statusCode(403).contentType(PROBLEM);
                as(intruder).post(org(id) + "/suspension").then().statusCode(403).contentType(PROBLEM);
            }
            // Its own owner is not staff: they cannot suspend it either.
            as(owner).post(org(id) + "/suspension").then().statusCode(403).contentType(PROBLEM);

            as(owner).get(org(id)).then().statusCode(200)
                    .header("ETag", equalTo(etag))
                    .body("name", equalTo(name))
                    .body("status", equalTo("ACTIVE"));
            assertThat(auditActions(code, staff, id), contains("organization.approve", "organization.create"));
        }

        @Test
        void anOwnerCannotApproveTheirOwnOrganisation() {
            String id = register(owner, unique("自主承認の会"));
            as(owner).post(org(id) + "/approval").then().statusCode(403).contentType(PROBLEM);
            as(owner).get(org(id)).then().statusCode(200).body("status", equalTo("PENDING"));
            anonymous().get(org(id)).then().statusCode(404);
        }
    }

    /** Visibility. */
    @Nested
    class Visibility {

        @Test
        void aPendingOrganisationIsVisibleOnlyToItsMembersAndStaff() {
            String name = unique("承認待ちの会");
            String id = register(owner, name);
            String otherCode = Fixtures.municipality();
            String otherStaff = unique("other-staff");
            Fixtures.staff(otherCode, otherStaff, "MANAGER");
            String otherOwner = unique("other-owner");
            registerApproved(otherOwner, unique("別の団体"));

            anonymous().get(org(id)).then().statusCode(404).contentType(PROBLEM);
            as(unique("resident")).get(org(id)).then().statusCode(404).contentType(PROBLEM);
            as(otherOwner).get(org(id)).then().statusCode(404).contentType(PROBLEM);
            as(otherStaff).get(org(id)).then().statusCode(404).contentType(PROBLEM);

            as(owner).get(org(id)).then().statusCode(200).body("status", equalTo("PENDING"));
            as(staff).get(org(id)).then().statusCode(200).body("status", equalTo("PENDING"));
            as("admin").get(org(id)).then().statusCode(200);

            anonymous().queryParam("q", name).get(orgsOf(code)).then().statusCode(200).body("total", equalTo(0));
            as(owner).queryParam("q", name).get(orgsOf(code)).then().statusCode(200).body("total", equalTo(0));
            as(staff).queryParam("q", name).get(orgsOf(code)).then().statusCode(200)
                    .body("total", equalTo(1)).body("items[0].id", equalTo(id));

            as(staff).post(org(id) + "/approval").then().statusCode(200);
            anonymous().get(org(id)).then().statusCode(200).body("status", equalTo("ACTIVE"));
            anonymous().queryParam("q", name).get(orgsOf(code)).then().statusCode(200)
                    .body("total", equalTo(1)).body("items[0].id", equalTo(id));
        }

        @Test
        void contactDetailsAreShownOnlyToMembersAndStaff() {
            String name = unique("里山保全クラブ");
            String id = registerApproved(owner, name);
            String editor = unique("editor");
            join(owner, id, editor, "EDITOR");
            String otherCode = Fixtures.municipality();
            String otherStaff = unique("other-staff");
            Fixtures.staff(otherCode, otherStaff, "MANAGER");

            String publicView = anonymous().get(org(id)).then().statusCode(200)
                    .body("name", equalTo(name))
                    .body("contact", nullValue())
                    .body("myRole", nullValue())
                    .extract().asString();
            assertThat(publicView, not(containsString(CONTACT_EMAIL)));
            assertThat(publicView, not(containsString("083-000-0000")));
            for (String outsider : List.of(unique("resident"), otherStaff)) {
                String body = as(outsider).get(org(id)).then().statusCode(200)
                        .body("contact", nullValue()).extract().asString();
                assertThat(body, not(containsString(CONTACT_EMAIL)));
            }
            String publicSearch = anonymous().queryParam("q", name).get(orgsOf(code)).then().statusCode(200)
                    .body("total", equalTo(1))
                    .body("items[0].contact", nullValue())
                    .extract().asString();
            assertThat(publicSearch, not(containsString(CONTACT_EMAIL)));

            as(owner).get(org(id)).then().statusCode(200)
                    .body("myRole", equalTo("OWNER"))
                    .body("contact.name", equalTo("連絡 太郎"))
                    .body("contact.email", equalTo(CONTACT_EMAIL))
                    .body("contact.phone", equalTo("083-000-0000"));
            as(editor).get(org(id)).then().statusCode(200)
                    .body("myRole", equalTo("EDITOR"))
                    .body("contact.email", equalTo(CONTACT_EMAIL));
            as(staff).get(org(id)).then().statusCode(200)
                    .body("myRole", nullValue())
                    .body("contact.email", equalTo(CONTACT_EMAIL));
            as(staff).queryParam("q", name).get(orgsOf(code)).then().statusCode(200)
                    .body("items[0].contact.email", equalTo(CONTACT_EMAIL));
        }

        @Test
        void onlyPublishedContactFieldsAreShownToThePublic() {
            String name = unique("公開連絡先の会");
            String id = registerApproved(owner, name);
            anonymous().get(org(id)).then().statusCode(200)
                    .body("contact", nullValue())
                    .body("contactPublished.name", equalTo(false))
                    .body("contactPublished.email", equalTo(false))
                    .body("contactPublished.phone", equalTo(false));

            // The owner opts the phone number in; name and e-mail stay behind the message relay.
            String etag = Api.etag(owner, org(id));
            as(owner).header("If-Match", etag)
                    .body(with(body(name), "contactPublished", Map.of("phone", true)))
                    .put(org(id)).then().statusCode(200)
                    .body("contactPublished.phone", equalTo(true))
                    .body("contactPublished.email", equalTo(false))
                    .body("contact.email", equalTo(CONTACT_EMAIL));
            for (var reader : List.of(anonymous(), as(unique("resident")))) {
                String text = reader.get(org(id)).then().statusCode(200)
                        .body("contact.phone", equalTo("083-000-0000"))
                        .body("contact.email", nullValue())
                        .body("contact.name", nullValue())
                        .extract().asString();
                assertThat(text, not(containsString(CONTACT_EMAIL)));
                assertThat(text, not(containsString("連絡 太郎")));
            }
            anonymous().queryParam("q", name).get(orgsOf(code)).then().statusCode(200)
                    .body("items[0].contact.phone", equalTo("083-000-0000"))
                    .body("items[0].contact.email", nullValue());
            as(staff).get(org(id)).then().statusCode(200).body("contact.email", equalTo(CONTACT_EMAIL));

            // A stale version is refused; a bad flag is a field error.
            as(owner).header("If-Match", etag).body(with(body(name), "contactPublished", Map.of("email", true)))
                    .put(org(id)).then().statusCode(412).contentType(PROBLEM);
            as(owner).header("If-Match", Api.etag(owner, org(id)))
                    .body(with(body(name), "contactPublished", Map.of("email", "yes please")))
                    .put(org(id)).then().statusCode(400).contentType(PROBLEM);

            // Replacing the profile without flags publishes nothing again (opt-in, never implied).
            as(owner).header("If-Match", Api.etag(owner, org(id))).body(body(name)).put(org(id)).then().statusCode(200)
                    .body("contactPublished.phone", equalTo(false));
            anonymous().get(org(id)).then().statusCode(200).body("contact", nullValue());
        }

        @Test
        void aRegistrationMayPublishContactFieldsFromTheStart() {
            String name = unique("最初から公開の会");
            String id = as(owner).body(with(body(name), "contactPublished", Map.of("email", true, "name", true)))
                    .post(orgsOf(code)).then().statusCode(201)
                    .body("contactPublished.email", equalTo(true))
                    .extract().path("id");
            as(staff).post(org(id) + "/approval").then().statusCode(200);
            anonymous().get(org(id)).then().statusCode(200)
                    .body("contact.email", equalTo(CONTACT_EMAIL))
                    .body("contact.name", equalTo("連絡 太郎"))
                    .body("contact.phone", nullValue());
        }
    }

    /** Lifecycle. */
    @Nested
    class Lifecycle {

        @Test
        void staffApproveSuspendAndReinstate() {
            String name = unique("夏祭り実行委員会");
            String id = register(owner, name);
            String etag = Api.etag(owner, org(id));

            String approvedEtag = as(staff).post(org(id) + "/approval").then().statusCode(200)
                    .body("status", equalTo("ACTIVE"))
                    .body("statusLabel", equalTo("公開中"))
                    .extract().header("ETag");
            assertThat(approvedEtag, not(equalTo(etag)));
            anonymous().get(org(id)).then().statusCode(200).header("ETag", equalTo(approvedEtag));
            anonymous().header("Accept-Language", "en").get(org(id)).then().statusCode(200)
                    .body("statusLabel", equalTo("Active"))
                    .body("typeLabel", equalTo("Citizen group / NPO"))
                    .body("bondLabel", equalTo("Thematic"));

            as(staff).post(org(id) + "/suspension").then().statusCode(200).body("status", equalTo("SUSPENDED"));
            anonymous().get(org(id)).then().statusCode(404);
            anonymous().queryParam("q", name).get(orgsOf(code)).then().body("total", equalTo(0));
            as(owner).get(org(id)).then().statusCode(200).body("status", equalTo("SUSPENDED"));
            as(staff).queryParam("status", "SUSPENDED").get(orgsOf(code)).then().statusCode(200)
                    .body("total", equalTo(1)).body("items[0].id", equalTo(id));

            as(staff).post(org(id) + "/reinstatement").then().statusCode(200).body("status", equalTo("ACTIVE"));
            anonymous().get(org(id)).then().statusCode(200).body("status", equalTo("ACTIVE"));
            as(owner).get("/api/v1/me").then().body("organizations[0].organizationStatus", equalTo("ACTIVE"));
            assertThat(auditActions(code, staff, id), contains("organization.reinstate", "organization.suspend",
                    "organization.approve", "organization.create"));
        }

        @Test
        void illegalStatusTransitionsAreConflicts() {
            String id = register(owner, unique("遷移テストの会"));

            as(staff).post(org(id) + "/suspension").then().statusCode(409).contentType(PROBLEM);
            as(staff).post(org(id) + "/reinstatement").then().statusCode(409).contentType(PROBLEM);
            as(staff).get(org(id)).then().body("status", equalTo("PENDING"));

            as(staff).post(org(id) + "/approval").then().statusCode(200);
            as(staff).post(org(id) + "/approval").then().statusCode(409).contentType(PROBLEM);
            as(staff).post(org(id) + "/reinstatement").then().statusCode(409).contentType(PROBLEM);
            as(staff).get(org(id)).then().body("status", equalTo("ACTIVE"));

            as(staff).post(org(id) + "/suspension").then().statusCode(200);
            as(staff).post(org(id) + "/suspension").then().statusCode(409).contentType(PROBLEM);
            as(staff).post(org(id) + "/approval").then().statusCode(409).contentType(PROBLEM);
            as(staff).get(org(id)).then().body("status", equalTo("SUSPENDED"));

            assertThat(auditActions(code, staff, id), contains("organization.suspend", "organization.approve",
                    "organization.create"));
        }
    }

    /** Delete. */
    @Nested
    class Delete {

        @Test
        void aDeletedOrganisationIsGoneButTheAuditLogKeepsIt() {
            String name = unique("解散する会");
            String id = registerApproved(owner, name);
            String etag = Api.etag(owner, org(id));
            anonymous().queryParam("q", name).get(orgsOf(code)).then().body("total", equalTo(1));

            as(owner).header("If-Match", Api.etag(owner, org(id))).delete(org(id)).then().statusCode(204);

            anonymous().get(org(id)).then().statusCode(404).contentType(PROBLEM);
            as(owner).get(org(id)).then().statusCode(404).contentType(PROBLEM);
            as(staff).get(org(id)).then().statusCode(404).contentType(PROBLEM);
            anonymous().queryParam("q", name).get(orgsOf(code)).then().statusCode(200)
                    .body("total", equalTo(0)).body("items", empty());
            assertThat(staffTotal(name), equalTo(0L));
            as(staff).get(orgsOf(code)).then().statusCode(200).body("total", equalTo(0));
            as(owner).header("If-Match", etag).body(body(unique("復活"))).put(org(id)).then().statusCode(404);
            as(owner).delete(org(id)).then().statusCode(404);
            as(staff).post(org(id) + "/suspension").then().statusCode(404);
            as(owner).get("/api/v1/me").then().body("organizations", empty());

            as(staff).queryParam("entityType", "organization").queryParam("entityId", id)
                    .get("/api/v1/municipalities/" + code + "/audit-log").then().statusCode(200)
                    .body("items.action", hasItems("organization.create", "organization.approve", "organization.delete"))
                    .body("items[0].action", equalTo("organization.delete"))
                    .body("items[0].before.name", equalTo(name))
                    .body("items[0].after", nullValue())
                    .body("items[0].actorId", equalTo(as(owner).get("/api/v1/me").path("id")));
            // The log itself is for staff only.
            as(owner).get("/api/v1/municipalities/" + code + "/audit-log").then().statusCode(403).contentType(PROBLEM);
            anonymous().get("/api/v1/municipalities/" + code + "/audit-log").then().statusCode(401);
        }

        @Test
        void staffMayDeleteAndAStaleIfMatchOnDeleteIsRefused() {
            String name = unique("休止中の会");
            String id = registerApproved(owner, name);
            String oldEtag = Api.etag(owner, org(id));
            String newEtag = as(owner).header("If-Match", oldEtag).body(body(name)).put(org(id)).then().statusCode(200)
                    .extract().header("ETag");

            as(staff).header("If-Match", oldEtag).delete(org(id)).then().statusCode(412).contentType(PROBLEM);
            anonymous().get(org(id)).then().statusCode(200);

            as(staff).header("If-Match", newEtag).delete(org(id)).then().statusCode(204);
            anonymous().get(org(id)).then().statusCode(404);
            assertThat(auditActions(code, staff, id), hasItem("organization.delete"));
        }
    }

    /** Municipalities are isolated. */
    @Nested
    class MunicipalitiesAreIsolated {

        @Test
        void oneMunicipalityNeverSeesOrActsOnAnothersOrganisations() {
            String codeB = Fixtures.municipality();
            String staffB = unique("staff-b");
            Fixtures.staff(codeB, staffB, "MANAGER");
            String word = unique("協創ひろば");

            String orgA = registerApproved(owner, word);
            String pendingA = register(owner, word + "二");
            String ownerB = unique("owner-b");
            String orgB = as(ownerB).body(body(word)).post(orgsOf(codeB)).then().statusCode(201).extract().path("id");
            as(staffB).post(org(orgB) + "/approval").then().statusCode(200);
            as(ownerB).body(body(word + "三")).post(orgsOf(codeB)).then().statusCode(201);

            anonymous().queryParam("q", word).get(orgsOf(code)).then().statusCode(200)
                    .body("total", equalTo(1))
                    .body("items.id", contains(orgA));
            as(staff).queryParam("q", word).get(orgsOf(code)).then().statusCode(200)
                    .body("total", equalTo(2))
                    .body("items.municipalityCode", everyItem(equalTo(code)))
                    .body("items.id", not(hasItem(orgB)));
            // B's staff are nobody special in A: public results only, and never B's.
            as(staffB).queryParam("q", word).get(orgsOf(code)).then().statusCode(200)
                    .body("total", equalTo(1))
                    .body("items.id", contains(orgA));
            as(staffB).queryParam("q", word).get(orgsOf(codeB)).then().statusCode(200)
                    .body("total", equalTo(2))
                    .body("items.municipalityCode", everyItem(equalTo(codeB)));
            as(staffB).queryParam("status", "PENDING").get(orgsOf(code)).then().statusCode(403).contentType(PROBLEM);

            // B's staff cannot approve, suspend, edit or delete A's organisations.
            as(staffB).post(org(pendingA) + "/approval").then().statusCode(404).contentType(PROBLEM);
            as(staffB).post(org(orgA) + "/suspension").then().statusCode(403).contentType(PROBLEM);
            as(staffB).header("If-Match", Api.etag(owner, org(orgA))).body(body(unique("越境"))).put(org(orgA)).then()
                    .statusCode(403);
            as(staffB).delete(org(orgA)).then().statusCode(403);
            as(staffB).get("/api/v1/municipalities/" + code + "/audit-log").then().statusCode(403);
            as(owner).get(org(pendingA)).then().body("status", equalTo("PENDING"));
            anonymous().get(org(orgA)).then().statusCode(200).body("status", equalTo("ACTIVE")).body("name", equalTo(word));

            // A's staff cannot touch B's either.
            as(staff).post(org(orgB) + "/suspension").then().statusCode(403);
            anonymous().get(org(orgB)).then().statusCode(200).body("status", equalTo("ACTIVE"));

            // A's audit log holds none of B's changes.
            as(staff).queryParam("size", 100).get("/api/v1/municipalities/" + code + "/audit-log").then()
                    .statusCode(200)
                    .body("items.entityId", not(hasItem(orgB)))
                    .body("items.municipalityCode", everyItem(equalTo(code)));
        }
    }
}
