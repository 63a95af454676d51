package jp.kyoso.support;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static jp.kyoso.support.Api.as;

/**
 * A fresh municipality for listing, matching and project tests: its own staff member, an area
 * tree (two districts, a school zone and a neighbourhood) and three ACTIVE organisations with
 * their own owners, so that nothing another test does can change what a test sees.
 */
public final class ListingFixtures {

    private ListingFixtures() {
    }

    public record World(String code, String staff, String district, String schoolZone, String neighbourhood,
                        String otherDistrict, String orgA, String ownerA, String orgB, String ownerB,
                        String orgC, String ownerC) {
    }

    public static World world() {
        String code = Fixtures.municipality();
        String staff = Api.unique("staff");
        Fixtures.staff(code, staff, "STAFF");
        String district = Fixtures.area(code, staff, null, "赤崎地区");
        String school = as(staff).body(Map.of("kind", "SCHOOL_ZONE", "name", "赤崎小学校区", "parentId", district))
                .post("/api/v1/municipalities/" + code + "/areas").then().statusCode(201).extract().path("id");
        String neighbourhood = Fixtures.area(code, staff, school, "西高泊");
        String other = Fixtures.area(code, staff, null, "須恵地区");
        String ownerA = Api.unique("owner-a");
        String orgA = Fixtures.organization(code, ownerA, staff, "赤崎地区自治会", "自治会です",
                List.of("DISASTER_RELIEF"), List.of(district));
        String ownerB = Api.unique("owner-b");
        String orgB = Fixtures.organization(code, ownerB, staff, "防災士会", "防災士の会です",
                List.of("DISASTER_RELIEF"), List.of());
        String ownerC = Api.unique("owner-c");
        String orgC = Fixtures.organization(code, ownerC, staff, "子育てネット", "子育て支援のNPO",
                List.of("CHILDREN"), List.of(other));
        return new World(code, staff, district, school, neighbourhood, other, orgA, ownerA, orgB, ownerB, orgC, ownerC);
    }

    /** A listing body; {@code extra} entries (quantity, unit, availableFrom ...) are added or replace. */
    public static Map<String, Object> body(String kind, String category, String title, String description,
                                           List<String> themes, List<String> areaIds, Object... extra) {
        Map<String, Object> body = new HashMap<>();
        body.put("kind", kind);
        body.put("category", category);
        body.put("title", title);
        body.put("description", description);
        body.put("themes", themes);
        body.put("areaIds", areaIds);
        for (int i = 0; i + 1 < extra.length; i += 2) {
            body.put((String) extra[i], extra[i + 1]);
        }
        return body;
    }

    public static String post(String user, String organizationId, Map<String, Object> body) {
        return as(user).body(body).post("/api/v1/organizations/" + organizationId + "/listings")
                .then().statusCode(201).extract().path("id");
    }

    public static String today(int plusDays) {
        return LocalDate.now(java.time.ZoneId.of("Asia/Tokyo")).plusDays(plusDays).toString();
    }
}
