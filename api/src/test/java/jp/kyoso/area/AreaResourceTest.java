package jp.kyoso.area;

import jp.kyoso.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import jp.kyoso.support.Fixtures;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
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
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

@QuarkusTest
class AreaResourceTest {

    private static String areas(String code) {
        return "/api/v1/municipalities/" + code + "/areas";
    }

    /** A fresh person who is STAFF of the municipality. */
    private static String staffOf(String code) {
        String user = unique("area-staff");
        Fixtures.staff(code, user, "STAFF");
        return user;
    }

    private static String userId(String username) {
        return as(username).get("/api/v1/me").then().statusCode(200).extract().path("id");
    }

    private static Map<String, Object> write(String kind, String name, String parentId, Integer sortOrder) {
        Map<String, Object> body = new HashMap<>();
        body.put("kind", kind);
        body.put("name", name);
        if (parentId != null) {
            body.put("parentId", parentId);
        }
        if (sortOrder != null) {
            body.put("sortOrder", sortOrder);
        }
        return body;
    }

    private static String create(String code, String staff, Map<String, Object> body) {
        return as(staff).body(body).post(areas(code)).then().statusCode(201).extract().path("id");
    }

    /** Listing areas. */
    @Nested
    class Listed {

        @Test
        void theTreeIsListedDepthFirstInDisplayOrderWithDepthAndPaging() {
            String code = Fixtures.municipality();
            String staff = staffOf(code);
            // Created out of display order on purpose: the list must order by tree, then sortOrder.
            String b = create(code, staff, write("DISTRICT", "B地区", null, 2));
            String a = create(code, staff, write("DISTRICT", "A地区", null, 1));
            create(code, staff, write("SCHOOL_ZONE", "A1校区", a, 2));
            String a2 = create(code, staff, write("SCHOOL_ZONE", "A2校区", a, 1));
            create(code, staff, write("NEIGHBOURHOOD", "A2x町内", a2, null));
            create(code, staff, write("SCHOOL_ZONE", "B1校区", b, null));

            anonymous().get(areas(code) + "?size=100").then().statusCode(200)
                    .body("items.name", contains("A地区", "A2校区", "A2x町内", "A1校区", "B地区", "B1校区"))
                    .body("items.depth", contains(0, 1, 2, 1, 0, 1))
                    .body("items[1].parentId", equalTo(a))
                    .body("items[0].parentId", nullValue())
                    .body("page", equalTo(0))
                    .body("size", equalTo(100))
                    .body("total", equalTo(6));

            anonymous().get(areas(code) + "?page=1&size=2").then().statusCode(200)
                    .body("items.name", contains("A2x町内", "A1校区"))
                    .body("items.depth", contains(2, 1))
                    .body("page", equalTo(1))
                    .body("size", equalTo(2))
                    .body("total", equalTo(6));

            anonymous().get(areas(code)).then().statusCode(200).body("size", equalTo(20));
        }

        @Test
        void listingRejectsBadPagingAndUnknownMunicipalities() {
            anonymous().get(areas("352161") + "?size=101").then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors.field", hasItem("size"));
            anonymous().get(areas("352161") + "?page=-1").then().statusCode(400)
                    .body("errors.field", hasItem("page"));
            anonymous().get(areas("999990")).then().statusCode(404).contentType("application/problem+json");
        }

        @Test
        void demoAreasAreListedWithTheirProfile() {
            anonymous().get(areas("352161") + "?size=100").then().statusCode(200)
                    .body("items.name", hasItem("赤崎地区"))
                    .body("items.find { it.name == '赤崎地区' }.depth", equalTo(0))
                    .body("items.find { it.name == '赤崎小学校区' }.depth", equalTo(1))
                    .body("items.find { it.name == '西高泊' }.depth", equalTo(2))
                    .body("items.municipalityCode", not(hasItem("352039")));
        }
    }

    /** Create. */
    @Nested
    class Create {

        @Test
        void staffCreateAnAreaWithEtagAndLocation() {
            String code = Fixtures.municipality();
            String staff = staffOf(code);
            Map<String, Object> body = write("DISTRICT", "  厚狭地区  ", null, 3);
            body.put("nameKana", "あさちく");
            body.put("population", 12000);
            body.put("aged65Share", 35.2);
            body.put("households", 5400);
            body.put("profileAsOf", "2024-03-31");

            var response = as(staff).body(body).post(areas(code)).then().statusCode(201)
                    .header("ETag", notNullValue())
                    .body("id", notNullValue())
                    .body("municipalityCode", equalTo(code))
                    .body("parentId", nullValue())
                    .body("depth", equalTo(0))
                    .body("kind", equalTo("DISTRICT"))
                    .body("kindLabel", equalTo("地区"))
                    .body("name", equalTo("厚狭地区"))
                    .body("nameKana", equalTo("あさちく"))
                    .body("profile.population", equalTo(12000))
                    .body("profile.aged65Share", equalTo(35.2f))
                    .body("profile.households", equalTo(5400))
                    .body("profile.asOf", equalTo("2024-03-31"))
                    .body("sortOrder", equalTo(3))
                    .body("liaisons", empty())
                    .extract();
            String id = response.path("id");
            assertEquals("/api/v1/areas/" + id, java.net.URI.create(response.header("Location")).getPath());

            anonymous().get("/api/v1/areas/" + id).then().statusCode(200)
                    .header("ETag", equalTo(response.header("ETag")))
                    .body("name", equalTo("厚狭地区"));
            anonymous().get(areas(code)).then().body("items.id", contains(id)).body("total", equalTo(1));
        }

        @Test
        void childAreasGetTheirDepth() {
            String code = Fixtures.municipality();
            String staff = staffOf(code);
            String district = create(code, staff, write("DISTRICT", "地区", null, null));
            String zone = create(code, staff, write("SCHOOL_ZONE", "校区", district, null));
            as(staff).body(write("NEIGHBOURHOOD", "町内", zone, null)).post(areas(code)).then().statusCode(201)
                    .body("parentId", equalTo(zone))
                    .body("depth", equalTo(2));
        }

        @Test
        void onlyStaffOfThatMunicipalityCreateAreas() {
            String code = Fixtures.municipality();
            String other = Fixtures.municipality();
            String otherStaff = staffOf(other);
            Map<String, Object> body = write("DISTRICT", "勝手な地区", null, null);

            anonymous().body(body).post(areas(code)).then().statusCode(401)
                    .contentType("application/problem+json");
            as(unique("resident")).body(body).post(areas(code)).then().statusCode(403)
                    .contentType("application/problem+json");
            as(otherStaff).body(body).post(areas(code)).then().statusCode(403)
                    .contentType("application/problem+json");
            as("yamaguchi-manager").body(body).post(areas(code)).then().statusCode(403);

            anonymous().get(areas(code)).then().statusCode(200).body("total", equalTo(0)).body("items", empty());
            // A platform admin may act for any municipality.
            as("admin").body(body).post(areas(code)).then().statusCode(201);
        }

        @Test
        void invalidInputIsRejectedNamingTheFieldAndNothingIsCreated() {
            String code = Fixtures.municipality();
            String staff = staffOf(code);

            as(staff).body(Map.of("kind", "DISTRICT")).post(areas(code)).then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("status", equalTo(400))
                    .body("errors.field", hasItem("name"));
            as(staff).body(write("DISTRICT", "   ", null, null)).post(areas(code)).then().statusCode(400)
                    .body("errors.field", hasItem("name"));
            as(staff).body(Map.of("name", "種類なし")).post(areas(code)).then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors.field", hasItem("kind"));
            as(staff).body(Map.of("name", "x", "kind", "CITY")).post(areas(code)).then().statusCode(400)
                    .body("errors.field", hasItem("kind"));

            Map<String, Object> negative = write("DISTRICT", "負の人口", null, null);
            negative.put("population", -1);
            as(staff).body(negative).post(areas(code)).then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors.field", hasItem("population"));

            Map<String, Object> share = write("DISTRICT", "高齢化率超過", null, null);
            share.put("aged65Share", 100.1);
            as(staff).body(share).post(areas(code)).then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors.field", hasItem("aged65Share"));

            String foreignParent = create(Fixtures.municipality(), "admin", write("DISTRICT", "他市の地区", null, null));
            as(staff).body(write("NEIGHBOURHOOD", "越境", foreignParent, null)).post(areas(code)).then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors.field", hasItem("parentId"));
            as(staff).body(write("NEIGHBOURHOOD", "親なし", UUID.randomUUID().toString(), null)).post(areas(code))
                    .then().statusCode(400)
                    .body("errors.field", hasItem("parentId"));

            anonymous().get(areas(code)).then().statusCode(200).body("total", equalTo(0)).body("items", empty());

            // The boundary itself is valid.
            share.put("aged65Share", 100.0);
            as(staff).body(share).post(areas(code)).then().statusCode(201).body("profile.aged65Share", equalTo(100.0f));
        }

        @Test
        void profileFiguresComeBackAsTheyAreStored() {
            String code = Fixtures.municipality();
            String staff = staffOf(code);
            Map<String, Object> body = write("DISTRICT", "端数のある地区", null, null);
            body.put("aged65Share", 33.45);
            var created = as(staff).body(body).post(areas(code)).then().statusCode(201).extract();
            String id = created.path("id");
            Float answered = created.path("profile.aged65Share");
            // What the create answered (and what its ETag vouches for) is what a later read shows.
            anonymous().get("/api/v1/areas/" + id).then().statusCode(200)
                    .header("ETag", equalTo(created.header("ETag")))
                    .body("profile.aged65Share", equalTo(answered));
            assertEquals(33.5f, answered);
            // And the audit log records the state that was stored, not the unrounded input.
            as(staff).get("/api/v1/municipalities/" + code + "/audit-log?entityType=area&entityId=" + id)
                    .then().statusCode(200)
                    .body("items[0].action", equalTo("area.create"))
                    .body("items[0].after.profile.aged65Share", equalTo(answered));
        }
    }

    /** Get. */
    @Nested
    class Get {

        @Test
        void anyoneReadsAnAreaWithProfileAndLiaisons() {
            // 赤崎地区 of the demo data: figures and a liaison officer (sanyo-staff, COORDINATOR).
            anonymous().get("/api/v1/areas/db202b84-deff-4e43-9d85-f7fc21728292").then().statusCode(200)
                    .header("ETag", notNullValue())
                    .body("name", equalTo("赤崎地区"))
                    .body("municipalityCode", equalTo("352161"))
                    .body("depth", equalTo(0))
                    .body("kindLabel", equalTo("地区"))
                    .body("profile.population", equalTo(8412))
                    .body("profile.aged65Share", equalTo(31.8f))
                    .body("profile.households", equalTo(3905))
                    .body("profile.asOf", equalTo("2024-03-31"))
                    .body("liaisons.name", hasItem("厚狭 恵（地域担当職員）"))
                    .body("liaisons.find { it.name == '厚狭 恵（地域担当職員）' }.role", equalTo("COORDINATOR"))
                    .body("liaisons.find { it.name == '厚狭 恵（地域担当職員）' }.roleLabel", equalTo("つなぐ"))
                    .body("liaisons.find { it.name == '厚狭 恵（地域担当職員）' }.startsOn", equalTo("2024-04-01"));
            anonymous().header("Accept-Language", "en").get("/api/v1/areas/db202b84-deff-4e43-9d85-f7fc21728292")
                    .then().statusCode(200)
                    .body("kindLabel", equalTo("District"))
                    .body("liaisons.find { it.role == 'COORDINATOR' }.roleLabel", equalTo("Coordinator"));
        }

        @Test
        void anUnknownAreaIsNotFound() {
            anonymous().get("/api/v1/areas/" + UUID.randomUUID()).then().statusCode(404)
                    .contentType("application/problem+json").body("status", equalTo(404));
            anonymous().get("/api/v1/areas/not-a-uuid").then().statusCode(400)
                    .contentType("application/problem+json");
        }
    }

    /** Update. */
    @Nested
    class Update {

        @Test
        void updatesNeedTheCurrentEtagSoNoUpdateIsLost() {
            String code = Fixtures.municipality();
            String staff = staffOf(code);
            String colleague = staffOf(code);
            String id = create(code, staff, write("DISTRICT", "元の名前", null, null));
            String read = Api.etag("/api/v1/areas/" + id);

            Map<String, Object> first = write("DISTRICT", "一人目の変更", null, null);
            first.put("population", 100);
            String newTag = as(staff).header("If-Match", read).body(first).put("/api/v1/areas/" + id)
                    .then().statusCode(200)
                    .header("ETag", notNullValue())
                    .body("name", equalTo("一人目の変更"))
                    .body("profile.population", equalTo(100))
                    .extract().header("ETag");
            assertNotEquals(read, newTag);

            as(colleague).header("If-Match", read).body(write("DISTRICT", "二人目の変更", null, null))
                    .put("/api/v1/areas/" + id).then().statusCode(412)
                    .contentType("application/problem+json");
            anonymous().get("/api/v1/areas/" + id).then().statusCode(200)
                    .header("ETag", equalTo(newTag))
                    .body("name", equalTo("一人目の変更"))
                    .body("profile.population", equalTo(100));

            as(colleague).body(write("DISTRICT", "If-Matchなし", null, null)).put("/api/v1/areas/" + id)
                    .then().statusCode(428).contentType("application/problem+json");

            // Reloaded, the second editor saves.
            as(colleague).header("If-Match", newTag).body(write("SCHOOL_ZONE", "二人目の変更", null, null))
                    .put("/api/v1/areas/" + id).then().statusCode(200)
                    .body("name", equalTo("二人目の変更"))
                    .body("kind", equalTo("SCHOOL_ZONE"))
                    .body("profile.population", nullValue());
        }

        @Test
        void onlyStaffOfThatMunicipalityUpdate() {
            String code = Fixtures.municipality();
            String staff = staffOf(code);
            String otherStaff = staffOf(Fixtures.municipality());
            String id = create(code, staff, write("DISTRICT", "守られた地区", null, null));
            String tag = Api.etag("/api/v1/areas/" + id);
            Map<String, Object> body = write("DISTRICT", "乗っ取り", null, null);

            anonymous().header("If-Match", tag).body(body).put("/api/v1/areas/" + id).then().statusCode(401);
            as(unique("resident")).header("If-Match", tag).body(body).put("/api/v1/areas/" + id).then().statusCode(403);
            as(otherStaff).header("If-Match", tag).body(body).put("/api/v1/areas/" + id).then().statusCode(403);
            anonymous().get("/api/v1/areas/" + id).then().body("name", equalTo("守られた地区"))
                    .header("ETag", equalTo(tag));
        }

        @Test
        void anAreaCannotBeMovedUnderItselfOrItsDescendants() {
            String code = Fixtures.municipality();
            String staff = staffOf(code);
            String top = create(code, staff, write("DISTRICT", "上", null, null));
            String middle = create(code, staff, write("SCHOOL_ZONE", "中", top, null));
            String bottom = create(code, staff, write("NEIGHBOURHOOD", "下", middle, null));
            String tag = Api.etag("/api/v1/areas/" + top);

            as(staff).header("If-Match", tag).body(write("DISTRICT", "上", bottom, null)).put("/api/v1/areas/" + top)
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors.field", hasItem("parentId"));
            as(staff).header("If-Match", tag).body(write("DISTRICT", "上", top, null)).put("/api/v1/areas/" + top)
                    .then().statusCode(400).body("errors.field", hasItem("parentId"));

            anonymous().get("/api/v1/areas/" + top).then().statusCode(200)
                    .header("ETag", equalTo(tag))
                    .body("parentId", nullValue());
            anonymous().get(areas(code)).then()
                    .body("items.name", contains("上", "中", "下"))
                    .body("items.depth", contains(0, 1, 2));

            // A legitimate move re-shapes the tree.
            as(staff).header("If-Match", Api.etag("/api/v1/areas/" + bottom)).body(write("NEIGHBOURHOOD", "下", top, null))
                    .put("/api/v1/areas/" + bottom).then().statusCode(200)
                    .body("parentId", equalTo(top)).body("depth", equalTo(1));
            as(staff).header("If-Match", Api.etag("/api/v1/areas/" + middle)).body(write("SCHOOL_ZONE", "中", null, null))
                    .put("/api/v1/areas/" + middle).then().statusCode(200)
                    .body("parentId", nullValue()).body("depth", equalTo(0));
        }

        @Test
        void anAreaCannotBeMovedIntoAnotherMunicipality() {
            String code = Fixtures.municipality();
            String staff = staffOf(code);
            String id = create(code, staff, write("DISTRICT", "動かない", null, null));
            String foreign = create(Fixtures.municipality(), "admin", write("DISTRICT", "他市", null, null));
            String tag = Api.etag("/api/v1/areas/" + id);
            as(staff).header("If-Match", tag).body(write("DISTRICT", "動かない", foreign, null))
                    .put("/api/v1/areas/" + id).then().statusCode(400)
                    .body("errors.field", hasItem("parentId"));
            anonymous().get("/api/v1/areas/" + id).then().body("parentId", nullValue()).header("ETag", equalTo(tag));
        }

        @Test
        void concurrentEditorsWithTheSameEtagCannotBothWin() throws Exception {
            String code = Fixtures.municipality();
            String staff = staffOf(code);
            String id = create(code, staff, write("DISTRICT", "競合", null, null));
            String tag = Api.etag("/api/v1/areas/" + id);
            int editors = 6;
            var pool = java.util.concurrent.Executors.newFixedThreadPool(editors);
            try {
                List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
                for (int i = 0; i < editors; i++) {
                    String name = "編集者" + i;
                    answers.add(pool.submit(() -> as(staff).header("If-Match", tag)
                            .body(write("DISTRICT", name, null, null)).put("/api/v1/areas/" + id).statusCode()));
                }
                List<Integer> statuses = new java.util.ArrayList<>();
                for (var answer : answers) {
                    statuses.add(answer.get());
                }
                assertEquals(1, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
                assertEquals(editors - 1, statuses.stream().filter(s -> s == 412).count(), statuses.toString());
            } finally {
                pool.shutdownNow();
            }
            anonymous().get("/api/v1/areas/" + id).then().body("version", equalTo(1));
        }
    }

    /** Delete. */
    @Nested
    class Delete {

        @Test
        void staffDeleteALeafArea() {
            String code = Fixtures.municipality();
            String staff = staffOf(code);
            String keep = create(code, staff, write("DISTRICT", "残る", null, null));
            String gone = create(code, staff, write("DISTRICT", "消える", null, null));

            anonymous().delete("/api/v1/areas/" + gone).then().statusCode(401);
            as(unique("resident")).delete("/api/v1/areas/" + gone).then().statusCode(403);
            as(staffOf(Fixtures.municipality())).delete("/api/v1/areas/" + gone).then().statusCode(403);
            anonymous().get("/api/v1/areas/" + gone).then().statusCode(200);

            as(staff).header("If-Match", Api.etag("/api/v1/areas/" + gone)).delete("/api/v1/areas/" + gone).then().statusCode(204);
            anonymous().get("/api/v1/areas/" + gone).then().statusCode(404);
            anonymous().get(areas(code)).then().body("items.id", contains(keep)).body("total", equalTo(1));
            as(staff).delete("/api/v1/areas/" + gone).then().statusCode(404);
        }

        @Test
        void anAreaWithSubAreasIsNotDeleted() {
            String code = Fixtures.municipality();
            String staff = staffOf(code);
            String parent = create(code, staff, write("DISTRICT", "親", null, null));
            String child = create(code, staff, write("NEIGHBOURHOOD", "子", parent, null));

            as(staff).header("If-Match", Api.etag("/api/v1/areas/" + parent)).delete("/api/v1/areas/" + parent).then().statusCode(409)
                    .contentType("application/problem+json");
            anonymous().get("/api/v1/areas/" + parent).then().statusCode(200);
            anonymous().get(areas(code)).then().body("total", equalTo(2));

            as(staff).header("If-Match", Api.etag("/api/v1/areas/" + child)).delete("/api/v1/areas/" + child).then().statusCode(204);
            as(staff).header("If-Match", Api.etag("/api/v1/areas/" + parent)).delete("/api/v1/areas/" + parent).then().statusCode(204);
            anonymous().get(areas(code)).then().body("total", equalTo(0));
        }

        @Test
        void anAreaWhereAnOrganisationIsActiveIsNotDeleted() {
            String code = Fixtures.municipality();
            String staff = staffOf(code);
            String area = create(code, staff, write("DISTRICT", "活動地区", null, null));
            Fixtures.organization(code, unique("owner"), staff, unique("団体"), "説明", List.of("ENVIRONMENT"),
                    List.of(area));

            as(staff).header("If-Match", Api.etag("/api/v1/areas/" + area)).delete("/api/v1/areas/" + area).then().statusCode(409)
                    .contentType("application/problem+json");
            anonymous().get("/api/v1/areas/" + area).then().statusCode(200);
        }

        @Test
        void anAreaOfAPendingOrganisationIsNotDeletedEither() {
            String code = Fixtures.municipality();
            String staff = staffOf(code);
            String area = create(code, staff, write("DISTRICT", "申請中の団体の地区", null, null));
            Fixtures.organization(code, unique("owner"), null, unique("団体"), "説明", List.of(), List.of(area));

            as(staff).header("If-Match", Api.etag("/api/v1/areas/" + area)).delete("/api/v1/areas/" + area).then().statusCode(409);
            anonymous().get("/api/v1/areas/" + area).then().statusCode(200);
        }

        @Test
        void anAreaCoveredByAPlanIsNotDeleted() {
            String code = Fixtures.municipality();
            String staff = staffOf(code);
            String area = create(code, staff, write("DISTRICT", "計画の地区", null, null));
            as(staff).body(java.util.Map.of("title", unique("地区計画"), "areaId", area,
                            "startFiscalYear", 2024, "endFiscalYear", 2026))
                    .post("/api/v1/municipalities/" + code + "/plans").then().statusCode(201);

            as(staff).header("If-Match", Api.etag("/api/v1/areas/" + area)).delete("/api/v1/areas/" + area).then().statusCode(409)
                    .contentType("application/problem+json");
            anonymous().get("/api/v1/areas/" + area).then().statusCode(200);
        }

        @Test
        void anAreaWithLiaisonOfficersCanBeDeleted() {
            String code = Fixtures.municipality();
            String staff = staffOf(code);
            String area = create(code, staff, write("DISTRICT", "担当者つき", null, null));
            as(staff).body(Map.of("userId", userId(staff), "role", "SUPPORTER", "startsOn", "2024-04-01"))
                    .post("/api/v1/areas/" + area + "/liaisons").then().statusCode(201);
            as(staff).header("If-Match", Api.etag("/api/v1/areas/" + area)).delete("/api/v1/areas/" + area).then().statusCode(204);
            anonymous().get("/api/v1/areas/" + area).then().statusCode(404);
        }
    }

    /** Liaisons. */
    @Nested
    class Liaisons {

        @Test
        void staffAssignAndRemoveLiaisonOfficers() {
            String code = Fixtures.municipality();
            String staff = staffOf(code);
            String officer = staffOf(code);
            String officerId = userId(officer);
            String area = create(code, staff, write("DISTRICT", "担当のある地区", null, null));

            var assigned = as(staff).body(Map.of("userId", officerId, "role", "COORDINATOR",
                            "startsOn", "2024-04-01", "endsOn", "2025-03-31"))
                    .post("/api/v1/areas/" + area + "/liaisons").then().statusCode(201)
                    .body("id", notNullValue())
                    .body("userId", equalTo(officerId))
                    .body("name", equalTo(Api.nameOf(officer)))
                    .body("role", equalTo("COORDINATOR"))
                    .body("roleLabel", equalTo("つなぐ"))
                    .body("startsOn", equalTo("2024-04-01"))
                    .body("endsOn", equalTo("2025-03-31"))
                    .extract();
            String liaisonId = assigned.path("id");
            assertEquals("/api/v1/areas/" + area + "/liaisons/" + liaisonId,
                    java.net.URI.create(assigned.header("Location")).getPath());

            anonymous().get("/api/v1/areas/" + area).then().statusCode(200)
                    .body("liaisons", hasSize(1))
                    .body("liaisons[0].id", equalTo(liaisonId))
                    .body("liaisons[0].userId", equalTo(officerId))
                    .body("liaisons[0].role", equalTo("COORDINATOR"));
            anonymous().get(areas(code)).then().body("items[0].liaisons.userId", contains(officerId));

            // An open-ended assignment is fine too; the area then lists both.
            as(staff).body(Map.of("userId", officerId, "role", "SUPPORTER", "startsOn", "2025-04-01"))
                    .post("/api/v1/areas/" + area + "/liaisons").then().statusCode(201)
                    .body("endsOn", nullValue());
            anonymous().get("/api/v1/areas/" + area).then().body("liaisons.role", contains("COORDINATOR", "SUPPORTER"));

            as(unique("resident")).delete("/api/v1/areas/" + area + "/liaisons/" + liaisonId).then().statusCode(403);
            anonymous().delete("/api/v1/areas/" + area + "/liaisons/" + liaisonId).then().statusCode(401);
            as(staff).delete("/api/v1/areas/" + area + "/liaisons/" + liaisonId).then().statusCode(204);
            anonymous().get("/api/v1/areas/" + area).then().body("liaisons.id", not(hasItem(liaisonId)))
                    .body("liaisons", hasSize(1));
            as(staff).delete("/api/v1/areas/" + area + "/liaisons/" + liaisonId).then().statusCode(404);
        }

        @Test
        void onlyStaffOfTheMunicipalityCanBeLiaisons() {
            String code = Fixtures.municipality();
            String staff = staffOf(code);
            String area = create(code, staff, write("DISTRICT", "地区", null, null));
            String resident = unique("resident");
            String residentId = userId(resident);
            String foreignStaffId = userId(staffOf(Fixtures.municipality()));

            for (String userId : List.of(residentId, foreignStaffId, UUID.randomUUID().toString())) {
                as(staff).body(Map.of("userId", userId, "role", "SUPPORTER", "startsOn", "2024-04-01"))
                        .post("/api/v1/areas/" + area + "/liaisons").then().statusCode(400)
                        .contentType("application/problem+json")
                        .body("errors.field", hasItem("userId"));
            }
            anonymous().get("/api/v1/areas/" + area).then().body("liaisons", empty());
        }

        @Test
        void aLiaisonPeriodMustNotEndBeforeItStarts() {
            String code = Fixtures.municipality();
            String staff = staffOf(code);
            String area = create(code, staff, write("DISTRICT", "地区", null, null));
            as(staff).body(Map.of("userId", userId(staff), "role", "PRODUCER", "startsOn", "2024-04-01",
                            "endsOn", "2024-03-31"))
                    .post("/api/v1/areas/" + area + "/liaisons").then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors.field", hasItem("endsOn"));
            as(staff).body(Map.of("userId", userId(staff), "role", "PRODUCER"))
                    .post("/api/v1/areas/" + area + "/liaisons").then().statusCode(400)
                    .body("errors.field", hasItem("startsOn"));
            anonymous().get("/api/v1/areas/" + area).then().body("liaisons", empty());
            // One day is a valid period.
            as(staff).body(Map.of("userId", userId(staff), "role", "PRODUCER", "startsOn", "2024-04-01",
                            "endsOn", "2024-04-01"))
                    .post("/api/v1/areas/" + area + "/liaisons").then().statusCode(201);
        }

        @Test
        void onlyStaffOfThatMunicipalityAssignLiaisons() {
            String code = Fixtures.municipality();
            String staff = staffOf(code);
            String area = create(code, staff, write("DISTRICT", "地区", null, null));
            Map<String, Object> body = Map.of("userId", userId(staff), "role", "SUPPORTER", "startsOn", "2024-04-01");

            anonymous().body(body).post("/api/v1/areas/" + area + "/liaisons").then().statusCode(401);
            as(unique("resident")).body(body).post("/api/v1/areas/" + area + "/liaisons").then().statusCode(403)
                    .contentType("application/problem+json");
            as(staffOf(Fixtures.municipality())).body(body).post("/api/v1/areas/" + area + "/liaisons")
                    .then().statusCode(403);
            anonymous().get("/api/v1/areas/" + area).then().body("liaisons", empty());
        }

        @Test
        void aLiaisonIsRemovedOnlyThroughItsOwnArea() {
            String code = Fixtures.municipality();
            String staff = staffOf(code);
            String area = create(code, staff, write("DISTRICT", "地区A", null, null));
            String other = create(code, staff, write("DISTRICT", "地区B", null, null));
            String liaisonId = as(staff).body(Map.of("userId", userId(staff), "role", "SUPPORTER",
                            "startsOn", "2024-04-01"))
                    .post("/api/v1/areas/" + area + "/liaisons").then().statusCode(201).extract().path("id");
            as(staff).delete("/api/v1/areas/" + other + "/liaisons/" + liaisonId).then().statusCode(404);
            anonymous().get("/api/v1/areas/" + area).then().body("liaisons.id", contains(liaisonId));
        }
    }
}
