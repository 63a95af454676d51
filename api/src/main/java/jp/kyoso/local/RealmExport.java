package jp.kyoso.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo people as the Keycloak realm export (docker/keycloak/kyoso-realm.json, packaged
 * into the jar) defines them: the one source of truth for demo users, read by the local
 * demo issuer and the demo data loader alike.
 */
public final class RealmExport {

    static final String RESOURCE = "/keycloak/kyoso-realm.json";

    /** A person of the realm: {@code subject} is the Keycloak user id, i.e. the token's {@code sub}. */
    public record Person(String username, String subject, String name, String email, List<String> roles) {
    }

    private RealmExport() {
    }

    public static List<Person> people() {
        try (InputStream in = RealmExport.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The realm export " + RESOURCE + " is not packaged");
            }
            List<Person> people = new ArrayList<>();
            for (JsonNode user : new ObjectMapper().readTree(in).path("users")) {
                List<String> roles = new ArrayList<>();
                user.path("realmRoles").forEach(r -> {
                    if (!r.asText().startsWith("default-roles-")) {
                        roles.add(r.asText());
                    }
                });
                // Keycloak's name claim is "firstName lastName"; the realm keeps Japanese order.
                String name = (user.path("firstName").asText("") + " " + user.path("lastName").asText("")).trim();
                people.add(new Person(user.path("username").asText(), user.path("id").asText(), name,
                        user.path("email").asText(null), List.copyOf(roles)));
            }
            return List.copyOf(people);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
