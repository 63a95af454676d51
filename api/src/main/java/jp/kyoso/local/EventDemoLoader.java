package jp.kyoso.local;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jp.kyoso.event.Event;
import jp.kyoso.event.EventKind;
import jp.kyoso.event.EventMode;
import jp.kyoso.event.EventRegistration;
import jp.kyoso.event.EventStatus;
import jp.kyoso.event.RegistrationCodes;
import jp.kyoso.event.RegistrationStatus;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The demo events of every demo municipality ({@code demo/events.json}): past events closed with
 * reports and attendance over several fiscal years, future ones open for registration, one full
 * with a waitlist, a cancelled and a draft one. Registrations keep their arrival order; check-in
 * codes are generated. Runs after the base and co-creation demo data; an event is inserted with
 * its registrations and links only when its fixed id is absent.
 */
@ApplicationScoped
public class EventDemoLoader {

    private static final Logger LOG = Logger.getLogger(EventDemoLoader.class);

    @ConfigProperty(name = "kyoso.demo-data", defaultValue = "false")
    boolean enabled;

    @ConfigProperty(name = "quarkus.oidc.token.issuer")
    java.util.Optional<String> tokenIssuer;

    @ConfigProperty(name = "quarkus.oidc.auth-server-url")
    java.util.Optional<String> authServerUrl;

    @Inject EntityManager em;

    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 700) StartupEvent event) {
        if (enabled) {
            load();
        }
    }

    @Transactional
    public void load() {
        JsonNode data = read();
        Map<String, UUID> users = new HashMap<>();
        int added = 0;
        int registrations = 0;
        for (JsonNode d : data.get("events")) {
            UUID id = UUID.fromString(d.get("id").asText());
            if (Event.findById(id) != null) {
                continue;
            }
            Event e = new Event();
            e.id = id;
            e.municipalityCode = d.get("municipalityCode").asText();
            e.organizationId = uuid(d.get("organizationId"));
            e.coOrganizerIds = uuids(d.get("coOrganizerIds"));
            e.kind = EventKind.valueOf(d.get("kind").asText());
            e.title = d.get("title").asText();
            e.titleKana = text(d.get("titleKana"));
            e.titleEnglish = text(d.get("titleEnglish"));
            e.description = text(d.get("description"));
            List<String> themes = new ArrayList<>();
            d.get("themes").forEach(t -> themes.add(t.asText()));
            e.themes = themes.toArray(String[]::new);
            e.areaIds = uuids(d.get("areaIds"));
            e.mode = EventMode.valueOf(d.get("mode").asText());
            JsonNode venue = d.get("venue");
            if (venue != null && !venue.isNull()) {
                e.venueName = text(venue.get("name"));
                e.venueAddress = text(venue.get("address"));
                e.venueAddressDetail = text(venue.get("addressDetail"));
                e.venueLatitude = decimal(venue.get("latitude"));
                e.venueLongitude = decimal(venue.get("longitude"));
                e.venueAccess = text(venue.get("access"));
                e.venueParking = text(venue.get("parking"));
            }
            e.onlineUrl = text(d.get("onlineUrl"));
            e.startsAt = time(d.get("startsAt"));
            e.endsAt = time(d.get("endsAt"));
            e.allDay = d.path("allDay").asBoolean(false);
            JsonNode fee = d.get("fee");
            e.feeYen = fee == null || fee.path("free").asBoolean(true) || fee.path("amountYen").isNull() ? null
                    : fee.get("amountYen").asInt();
            e.feeNote = fee == null ? null : text(fee.get("note"));
            e.capacity = d.path("capacity").isNull() ? null : d.get("capacity").asInt();
            e.heldSeats = d.path("heldSeats").asInt(0);
            e.registrationOpensAt = time(d.get("registrationOpensAt"));
            e.registrationClosesAt = time(d.get("registrationClosesAt"));
            e.guestsAllowed = d.path("guestsAllowed").asBoolean(false);
            e.questions = d.get("questions").toString();
            JsonNode contact = d.get("contact");
            if (contact != null && !contact.isNull()) {
                e.contactName = text(contact.get("name"));
                e.contactPhone = text(contact.get("phone"));
                e.contactExtension = text(contact.get("extension"));
            }
            e.status = EventStatus.valueOf(d.get("status").asText());
            e.listed = true;
            e.publishedAt = time(d.get("publishedAt"));
            e.createdBy = user(users, text(d.get("createdBy")));
            JsonNode cancellation = d.get("cancellation");
            if (cancellation != null && !cancellation.isNull()) {
                e.cancellationReason = text(cancellation.get("reason"));
                e.cancelledAt = time(cancellation.get("cancelledAt"));
                e.cancelledBy = user(users, text(cancellation.get("cancelledBy")));
            }
            JsonNode report = d.get("report");
            e.reportOrganizationIds = new UUID[0];
            e.followUpListingIds = new UUID[0];
            e.followUpProjectIds = new UUID[0];
            if (report != null && !report.isNull()) {
                e.attendeeCount = report.path("attendeeCount").asInt();
                e.walkIns = report.path("walkIns").asInt();
                e.reportOrganizationIds = uuids(report.get("organizationIds"));
                e.reportSummary = text(report.get("summary"));
                e.reportPublicSummary = text(report.get("publicSummary"));
                e.followUpListingIds = uuids(report.get("followUpListingIds"));
                e.followUpProjectIds = uuids(report.get("followUpProjectIds"));
                e.closedAt = time(report.get("closedAt"));
                e.closedBy = user(users, text(report.get("closedBy")));
            }
            e.createdAt = e.publishedAt != null ? e.publishedAt.minusDays(7) : OffsetDateTime.now();
            e.updatedAt = e.closedAt != null ? e.closedAt : e.cancelledAt != null ? e.cancelledAt : e.createdAt;
            e.reindex();
            e.persist();
            em.flush();
            for (UUID p : uuids(d.get("projectIds"))) {
                em.createNativeQuery("insert into event_project (event_id, project_id) values (?1, ?2)")
                        .setParameter(1, e.id).setParameter(2, p).executeUpdate();
            }
            for (UUID i : uuids(d.get("planItemIds"))) {
                em.createNativeQuery("insert into event_plan_item (event_id, plan_item_id) values (?1, ?2) "
                        + "on conflict do nothing").setParameter(1, e.id).setParameter(2, i).executeUpdate();
            }
            Set<String> codes = new HashSet<>();
            for (JsonNode r : d.get("registrations")) {
                EventRegistration reg = new EventRegistration();
                reg.id = UUID.randomUUID();
                reg.eventId = e.id;
                reg.municipalityCode = e.municipalityCode;
                JsonNode guest = r.get("guest");
                if (guest != null && !guest.isNull()) {
                    reg.guestName = text(guest.get("name"));
                    reg.guestEmail = text(guest.get("email"));
                } else {
                    reg.userId = user(users, r.get("username").asText());
                }
                reg.status = RegistrationStatus.valueOf(r.get("status").asText());
                reg.arrival = ((Number) em.createNativeQuery("select nextval('event_registration_arrival')")
                        .getSingleResult()).longValue();
                String code;
                do {
                    code = RegistrationCodes.generate();
                } while (!codes.add(code));
                reg.code = code;
                reg.answers = r.get("answers").toString();
                reg.showPublicly = reg.userId != null && r.path("showPublicly").asBoolean(false);
                reg.createdAt = time(r.get("registeredAt"));
                reg.updatedAt = reg.createdAt;
                reg.cancelledAt = time(r.get("cancelledAt"));
                if (reg.status == RegistrationStatus.ATTENDED) {
                    reg.checkedInAt = e.startsAt;
                }
                reg.persist();
                registrations++;
            }
            em.flush();
            added++;
        }
        LOG.infof("Demo events: %d added with %d registrations", added, registrations);
    }

    private UUID user(Map<String, UUID> users, String username) {
        if (username == null) {
            return null;
        }
        return users.computeIfAbsent(username, this::userId);
    }

    /** The demo person's account, made from the realm export when they never signed in. */
    private UUID userId(String username) {
        RealmExport.Person p = RealmExport.people().stream().filter(u -> u.username().equals(username)).findFirst()
                .orElseThrow(() -> new IllegalStateException("Demo person " + username + " is not in the realm export"));
        List<?> existing = em.createNativeQuery("select id from app_user where subject = ?1 or lower(email) = lower(?2) "
                        + "order by created_at limit 1")
                .setParameter(1, p.subject()).setParameter(2, p.email()).getResultList();
        if (!existing.isEmpty()) {
            return (UUID) existing.get(0);
        }
        String issuer = tokenIssuer.filter(s -> !s.isBlank() && !"any".equals(s))
                .orElse(authServerUrl.orElse("urn:kyoso:no-issuer"));
        return (UUID) em.createNativeQuery("""
                        insert into app_user (id, issuer, subject, display_name, email)
                        values (gen_random_uuid(), ?1, ?2, ?3, ?4)
                        on conflict (issuer, subject) do update set issuer = excluded.issuer
                        returning id""")
                .setParameter(1, issuer).setParameter(2, p.subject()).setParameter(3, p.name())
                .setParameter(4, p.email()).getSingleResult();
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() ? null : n.asText();
    }

    private static UUID uuid(JsonNode n) {
        return n == null || n.isNull() ? null : UUID.fromString(n.asText());
    }

    private static UUID[] uuids(JsonNode n) {
        List<UUID> out = new ArrayList<>();
        if (n != null && n.isArray()) {
            n.forEach(x -> out.add(UUID.fromString(x.asText())));
        }
        return out.toArray(UUID[]::new);
    }

    private static BigDecimal decimal(JsonNode n) {
        return n == null || n.isNull() ? null : n.decimalValue();
    }

    private static OffsetDateTime time(JsonNode n) {
        return n == null || n.isNull() ? null : OffsetDateTime.parse(n.asText());
    }

    private static JsonNode read() {
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        try (InputStream in = EventDemoLoader.class.getResourceAsStream("/demo/events.json")) {
            return json.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read /demo/events.json", e);
        }
    }
}
