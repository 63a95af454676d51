package jp.kyoso.local;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jp.kyoso.area.Area;
import jp.kyoso.local.RealmExport;
import jp.kyoso.area.AreaKind;
import jp.kyoso.area.LiaisonAssignment;
import jp.kyoso.area.LiaisonRole;
import jp.kyoso.municipality.StaffMembership;
import jp.kyoso.core.security.StaffRole;
import jp.kyoso.municipality.CoCreationTerm;
import jp.kyoso.municipality.Municipality;
import jp.kyoso.organization.Bond;
import jp.kyoso.organization.MemberRole;
import jp.kyoso.organization.Organization;
import jp.kyoso.organization.OrganizationMembership;
import jp.kyoso.organization.OrganizationStatus;
import jp.kyoso.organization.OrganizationType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Loads the demo data (modelled on the seed guidelines of 山陽小野田市, 山口市, 福島市 and 多摩市)
 * when {@code kyoso.demo-data=true}. Every record has a fixed id and is inserted only when
 * absent, so a restart adds nothing twice and never overwrites what a user changed.
 * Production leaves the flag off.
 */
@ApplicationScoped
public class DemoDataLoader {

    private static final Logger LOG = Logger.getLogger(DemoDataLoader.class);

    record DemoArea(UUID id, UUID parentId, AreaKind kind, String name, String nameKana, Integer population,
                    BigDecimal aged65Share, Integer households, LocalDate profileAsOf) {
    }

    record DemoStaff(String username, StaffRole role) {
    }

    record DemoLiaison(UUID id, UUID areaId, String username, LiaisonRole role, LocalDate startsOn, LocalDate endsOn) {
    }

    record DemoMember(String username, MemberRole role) {
    }

    record DemoOrganization(UUID id, OrganizationType type, Bond bond, String name, String nameKana,
                            String description, List<String> themes, List<UUID> areaIds, OrganizationStatus status,
                            String website, String contactName, String contactEmail, String contactPhone,
                            List<String> publishedContact, List<DemoMember> members) {
    }

    record DemoMunicipality(String code, String name, String nameKana, String prefecture, CoCreationTerm conceptTerm,
                            List<DemoArea> areas, List<DemoStaff> staff, List<DemoLiaison> liaisons,
                            List<DemoOrganization> organizations) {
    }

    record DemoData(List<DemoMunicipality> municipalities) {
    }

    @ConfigProperty(name = "kyoso.demo-data", defaultValue = "false")
    boolean enabled;

    @ConfigProperty(name = "quarkus.oidc.token.issuer")
    Optional<String> tokenIssuer;

    @ConfigProperty(name = "quarkus.oidc.auth-server-url")
    Optional<String> authServerUrl;

    @Inject EntityManager em;
    @Inject PlanDemoDataLoader planDemoData;
    @Inject StatisticsDemoDataLoader statisticsDemoData;

    void onStart(@Observes StartupEvent event) {
        if (enabled) {
            load();
        }
    }

    @Transactional
    public void load() {
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        List<RealmExport.Person> users = RealmExport.people();
        DemoData data = read(json, "/demo/demo-data.json", new TypeReference<>() {
        });
        String issuer = tokenIssuer.filter(s -> !s.isBlank() && !"any".equals(s))
                .orElse(authServerUrl.orElse("urn:kyoso:no-issuer"));
        Map<String, UUID> userIds = new HashMap<>();
        for (RealmExport.Person u : users) {
            userIds.put(u.username(), (UUID) em.createNativeQuery("""
                            insert into app_user (id, issuer, subject, display_name, email)
                            values (gen_random_uuid(), ?1, ?2, ?3, ?4)
                            on conflict (issuer, subject) do update set issuer = excluded.issuer
                            returning id""")
                    .setParameter(1, issuer).setParameter(2, u.subject()).setParameter(3, u.name())
                    .setParameter(4, u.email()).getSingleResult());
        }
        int added = 0;
        for (DemoMunicipality dm : data.municipalities()) {
            if (Municipality.findById(dm.code()) == null) {
                Municipality m = new Municipality();
                m.code = dm.code();
                m.name = dm.name();
                m.nameKana = dm.nameKana();
                m.prefecture = dm.prefecture();
                m.conceptTerm = dm.conceptTerm();
                m.createdAt = OffsetDateTime.now();
                m.updatedAt = m.createdAt;
                m.persist();
                added++;
            }
            int order = 0;
            for (DemoArea da : dm.areas()) {
                order++;
                if (Area.findById(da.id()) == null) {
                    Area a = new Area();
                    a.id = da.id();
                    a.municipalityCode = dm.code();
                    a.parentId = da.parentId();
                    a.kind = da.kind();
                    a.name = da.name();
                    a.nameKana = da.nameKana();
                    a.population = da.population();
                    a.aged65Share = da.aged65Share();
                    a.households = da.households();
                    a.profileAsOf = da.profileAsOf();
                    a.sortOrder = order;
                    a.createdAt = OffsetDateTime.now();
                    a.updatedAt = a.createdAt;
                    a.persist();
                    em.flush();
                    added++;
                }
            }
            for (DemoStaff ds : dm.staff()) {
                UUID userId = userIds.get(ds.username());
                if (StaffMembership.findById(new StaffMembership.Key(dm.code(), userId)) == null) {
                    StaffMembership.of(dm.code(), userId, ds.role()).persist();
                    added++;
                }
            }
            em.flush();
            for (DemoLiaison dl : dm.liaisons()) {
                if (LiaisonAssignment.findById(dl.id()) == null) {
                    LiaisonAssignment l = new LiaisonAssignment();
                    l.id = dl.id();
                    l.areaId = dl.areaId();
                    l.userId = userIds.get(dl.username());
                    l.role = dl.role();
                    l.startsOn = dl.startsOn();
                    l.endsOn = dl.endsOn();
                    l.createdAt = OffsetDateTime.now();
                    l.persist();
                    added++;
                }
            }
            for (DemoOrganization dorg : dm.organizations()) {
                if (Organization.findById(dorg.id()) == null) {
                    Organization o = new Organization();
                    o.id = dorg.id();
                    o.municipalityCode = dm.code();
                    o.type = dorg.type();
                    o.bond = dorg.bond();
                    o.name = dorg.name();
                    o.nameKana = dorg.nameKana();
                    o.description = dorg.description();
                    o.themes = dorg.themes().toArray(String[]::new);
                    o.areaIds = dorg.areaIds().toArray(UUID[]::new);
                    o.status = dorg.status();
                    o.website = dorg.website();
                    o.contactName = dorg.contactName();
                    o.contactEmail = dorg.contactEmail();
                    o.contactPhone = dorg.contactPhone();
                    List<String> published = dorg.publishedContact() == null ? List.of() : dorg.publishedContact();
                    o.contactNamePublic = published.contains("name");
                    o.contactEmailPublic = published.contains("email");
                    o.contactPhonePublic = published.contains("phone");
                    o.createdAt = OffsetDateTime.now();
                    o.updatedAt = o.createdAt;
                    o.reindex();
                    o.persist();
                    em.flush();
                    added++;
                    for (DemoMember dmember : dorg.members()) {
                        OrganizationMembership.of(o.id, userIds.get(dmember.username()), dmember.role()).persist();
                    }
                }
            }
        }
        LOG.infof("Demo data: %d records added (issuer %s)", added, issuer);
        em.flush();
        planDemoData.load(userIds);
        statisticsDemoData.load();
    }

    private static <T> T read(ObjectMapper json, String resource, TypeReference<T> type) {
        try (InputStream in = DemoDataLoader.class.getResourceAsStream(resource)) {
            return json.readValue(in, type);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }
}
