package jp.kyoso.account;

import jp.kyoso.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import jp.kyoso.support.Fixtures;
import org.junit.jupiter.api.Test;

import java.util.List;

import static jp.kyoso.support.Api.anonymous;
import static jp.kyoso.support.Api.as;
import static jp.kyoso.support.Api.unique;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

@QuarkusTest
class MeResourceTest {

    private static final String ME = "/api/v1/me";

    @Test
    void anonymousCallersMustSignIn() {
        anonymous().get(ME).then().statusCode(401)
                .contentType("application/problem+json")
                .body("status", equalTo(401))
                .body("title", notNullValue());
        anonymous().auth().oauth2("not-a-token").get(ME).then().statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void aDemoOwnerSeesTheirOrganisationsWithRoles() {
        as("sanyo-owner").get(ME).then().statusCode(200)
                .body("name", equalTo("赤崎 一郎"))
                .body("email", equalTo("sanyo-owner@kyoso.example"))
                .body("admin", equalTo(false))
                .body("staff", empty())
                .body("organizations.organizationName",
                        hasItems("赤崎地区自治会連合会", "赤崎地区セーフティネットワーク", "あかさき子ども食堂"))
                .body("organizations.organizationName", not(hasItem("NPO法人さんようおのだ子育てネット")))
                .body("organizations.find { it.organizationName == '赤崎地区自治会連合会' }.role", equalTo("OWNER"))
                .body("organizations.find { it.organizationName == '赤崎地区自治会連合会' }.roleLabel", equalTo("代表者"))
                .body("organizations.find { it.organizationName == '赤崎地区自治会連合会' }.municipalityCode",
                        equalTo("352161"))
                .body("organizations.find { it.organizationName == '赤崎地区自治会連合会' }.organizationStatus",
                        equalTo("ACTIVE"))
                .body("organizations.find { it.organizationName == 'あかさき子ども食堂' }.organizationStatus",
                        equalTo("PENDING"));
        // The same organisation, seen by its editor, who owns another one.
        as("sanyo-editor").get(ME).then().statusCode(200)
                .body("organizations.find { it.organizationName == '赤崎地区自治会連合会' }.role", equalTo("EDITOR"))
                .body("organizations.find { it.organizationName == 'NPO法人さんようおのだ子育てネット' }.role",
                        equalTo("OWNER"));
    }

    @Test
    void membershipLabelsFollowTheLanguage() {
        as("sanyo-editor").get(ME).then().statusCode(200)
                .body("organizations.find { it.role == 'EDITOR' }.roleLabel", equalTo("編集者"))
                .body("organizations.find { it.role == 'OWNER' }.roleLabel", equalTo("代表者"));
        as("sanyo-editor").header("Accept-Language", "en").get(ME).then().statusCode(200)
                .body("organizations.find { it.role == 'EDITOR' }.roleLabel", equalTo("Editor"))
                .body("organizations.find { it.role == 'OWNER' }.roleLabel", equalTo("Owner"));
    }

    @Test
    void staffSeeTheirMunicipalityAndRole() {
        as("sanyo-manager").get(ME).then().statusCode(200)
                .body("admin", equalTo(false))
                .body("staff.municipalityCode", contains("352161"))
                .body("staff[0].municipalityName", equalTo("山陽小野田市"))
                .body("staff[0].role", equalTo("MANAGER"))
                .body("staff[0].roleLabel", equalTo("管理職員"));
        as("sanyo-manager").header("Accept-Language", "en").get(ME).then().statusCode(200)
                .body("staff[0].roleLabel", equalTo("Manager"));
        as("yamaguchi-staff").get(ME).then().statusCode(200)
                .body("staff.municipalityCode", contains("352039"))
                .body("staff[0].role", equalTo("STAFF"));
    }

    @Test
    void aNewStaffRoleShowsUpAtOnce() {
        String code = Fixtures.municipality();
        String person = unique("new-staff");
        Fixtures.staff(code, person, "STAFF");
        as(person).get(ME).then().statusCode(200)
                .body("staff.municipalityCode", contains(code))
                .body("staff[0].municipalityName", equalTo("テスト市" + code))
                .body("staff[0].role", equalTo("STAFF"));
    }

    @Test
    void onlyThePlatformAdminIsAdmin() {
        as("admin").get(ME).then().statusCode(200)
                .body("admin", equalTo(true))
                .body("name", equalTo("プラットフォーム 管理者"));
        for (String user : List.of("resident", "sanyo-manager", "yamaguchi-owner", unique("someone"))) {
            as(user).get(ME).then().statusCode(200).body("admin", equalTo(false));
        }
    }

    @Test
    void aUserRecordIsCreatedOnTheFirstCallAndKept() {
        String person = unique("first-timer");
        String id = as(person).get(ME).then().statusCode(200)
                .body("id", notNullValue())
                .body("name", equalTo(Api.nameOf(person)))
                .body("email", equalTo(person + "@users.kyoso.example"))
                .body("admin", equalTo(false))
                .body("staff", empty())
                .body("organizations", empty())
                .extract().path("id");
        assertEquals(id, as(person).get(ME).then().statusCode(200).extract().path("id"));
        // Two different people are two different records.
        String other = as(unique("first-timer")).get(ME).then().statusCode(200).extract().path("id");
        assertNotEquals(id, other);
    }

    @Test
    void aNewOrganisationShowsUpForItsCreator() {
        String code = Fixtures.municipality();
        String owner = unique("founder");
        String name = unique("新しい団体");
        String orgId = Fixtures.organization(code, owner, null, name, "説明", List.of(), List.of());
        as(owner).get(ME).then().statusCode(200)
                .body("organizations.organizationId", contains(orgId))
                .body("organizations[0].organizationName", equalTo(name))
                .body("organizations[0].role", equalTo("OWNER"))
                .body("organizations[0].organizationStatus", equalTo("PENDING"));
    }
}
