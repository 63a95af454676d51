package jp.kyoso.local;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jp.kyoso.local.RealmExport;
import jakarta.interceptor.Interceptor;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jp.kyoso.listing.JapanDate;
import jp.kyoso.listing.Listing;
import jp.kyoso.listing.ListingCategory;
import jp.kyoso.listing.ListingKind;
import jp.kyoso.listing.ListingStatus;
import jp.kyoso.matching.Match;
import jp.kyoso.matching.MatchStatus;
import jp.kyoso.matching.MatchSuggestions;
import jp.kyoso.organization.Bond;
import jp.kyoso.organization.MemberRole;
import jp.kyoso.organization.Organization;
import jp.kyoso.organization.OrganizationMembership;
import jp.kyoso.organization.OrganizationStatus;
import jp.kyoso.organization.OrganizationType;
import jp.kyoso.project.CoCreationDomain;
import jp.kyoso.project.PartnerRole;
import jp.kyoso.project.PartnerStatus;
import jp.kyoso.project.Project;
import jp.kyoso.project.ProjectPartner;
import jp.kyoso.project.ProjectStage;
import jp.kyoso.project.ProjectStageChange;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The co-creation stories of the seed guidelines, as haves and needs, matches in every state and
 * projects in every stage ({@code demo/co-creation.json}): 山陽小野田市's district disaster drill
 * (自治会・防災士会・学校・地域団体・市), its community school (学校運営協議会) and the LABV
 * redevelopment partnership (商工会議所・銀行・市), and a neighbourhood summer festival of a 町内会
 * in 福島市. Runs after {@link DemoDataLoader} (whose organisations and areas it builds on), with
 * fixed ids and insert-if-absent, so a restart adds nothing twice.
 *
 * <p>Its three extra people (sanyo-bousai, sanyo-school, sanyo-cci) sign in through the local demo
 * identity provider like any other name; their records use the subject that provider gives a name
 * it does not list ({@code UUID.nameUUIDFromBytes("kyoso-dev:" + username)}).
 */
@ApplicationScoped
public class CoCreationDemoLoader {

    private static final Logger LOG = Logger.getLogger(CoCreationDemoLoader.class);

    /** Who the story needs; name, e-mail and subject come from the realm export. */
    record DemoUser(String username) {
    }

    record DemoMember(String username, MemberRole role) {
    }

    record DemoOrganization(UUID id, String municipalityCode, OrganizationType type, Bond bond, String name,
                            String nameKana, String description, List<String> themes, List<UUID> areaIds,
                            String contactName, String contactEmail, String contactPhone, List<DemoMember> members) {
    }

    record DemoListing(UUID id, String municipalityCode, UUID organizationId, ListingKind kind,
                       ListingCategory category, String title, String description, List<String> themes,
                       List<UUID> areaIds, Integer quantity, String unit, Integer availableFromDays,
                       Integer availableUntilDays, String contactName, String contactEmail, String contactPhone) {
    }

    record DemoMatch(UUID id, UUID needId, UUID haveId, MatchStatus status, ListingKind proposedSide,
                     String proposedBy, String message, String responseNote, Integer quantity) {
    }

    record DemoStage(ProjectStage stage, String note, int daysAgo) {
    }

    record DemoPartner(UUID id, UUID organizationId, PartnerRole role, String contribution, List<UUID> listingIds,
                       PartnerStatus status) {
    }

    record DemoProject(UUID id, String municipalityCode, String title, String summary, String vision, String issue,
                       CoCreationDomain domain, List<String> forms, List<UUID> areaIds, boolean published,
                       LocalDate startsOn, LocalDate endsOn, UUID sourceMatchId, List<DemoStage> stages,
                       List<DemoPartner> partners) {
    }

    record DemoNotification(UUID id, String username, String municipalityCode, String kind, UUID matchId,
                            UUID listingId, UUID organizationId, String subject, String detail, String counterpart) {
    }

    record CoCreationData(List<DemoUser> users, List<DemoOrganization> organizations, List<DemoListing> listings,
                          List<DemoMatch> matches, List<DemoProject> projects, List<DemoNotification> notifications) {
    }

    @ConfigProperty(name = "kyoso.demo-data", defaultValue = "false")
    boolean enabled;

    @ConfigProperty(name = "quarkus.oidc.token.issuer")
    Optional<String> tokenIssuer;

    @ConfigProperty(name = "quarkus.oidc.auth-server-url")
    Optional<String> authServerUrl;

    @Inject EntityManager em;
    @Inject jp.kyoso.listing.ListingKeywords keywords;
    @Inject MatchSuggestions matching;

    /** After the base demo data (observers without a priority run at APPLICATION + 500). */
    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 600) StartupEvent event) {
        if (enabled) {
            load();
        }
    }

    @Transactional
    public void load() {
        CoCreationData data = read();
        String issuer = tokenIssuer.filter(s -> !s.isBlank() && !"any".equals(s))
                .orElse(authServerUrl.orElse("urn:kyoso:no-issuer"));
        Map<String, UUID> users = new HashMap<>();
        Map<String, RealmExport.Person> realm = new HashMap<>();
        RealmExport.people().forEach(p -> realm.put(p.username(), p));
        for (DemoUser listed : data.users()) {
            // The realm export is the source of truth for who a demo person is.
            RealmExport.Person u = realm.get(listed.username());
            if (u == null) {
                throw new IllegalStateException("Demo person " + listed.username() + " is not in the realm export");
            }
            String subject = u.subject();
            users.put(u.username(), (UUID) em.createNativeQuery("""
                            insert into app_user (id, issuer, subject, display_name, email)
                            values (gen_random_uuid(), ?1, ?2, ?3, ?4)
                            on conflict (issuer, subject) do update set issuer = excluded.issuer
                            returning id""")
                    .setParameter(1, issuer).setParameter(2, subject).setParameter(3, u.name())
                    .setParameter(4, u.email()).getSingleResult());
        }
        int added = 0;
        for (DemoOrganization d : data.organizations()) {
            if (Organization.findById(d.id()) != null) {
                continue;
            }
            Organization o = new Organization();
            o.id = d.id();
            o.municipalityCode = d.municipalityCode();
            o.type = d.type();
            o.bond = d.bond();
            o.name = d.name();
            o.nameKana = d.nameKana();
            o.description = d.description();
            o.themes = d.themes().toArray(String[]::new);
            o.areaIds = d.areaIds().toArray(UUID[]::new);
            o.contactName = d.contactName();
            o.contactEmail = d.contactEmail();
            o.contactPhone = d.contactPhone();
            o.status = OrganizationStatus.ACTIVE;
            o.createdAt = OffsetDateTime.now();
            o.updatedAt = o.createdAt;
            o.reindex();
            o.persist();
            em.flush();
            for (DemoMember m : d.members()) {
                OrganizationMembership.of(o.id, userId(users, m.username()), m.role()).persist();
            }
            added++;
        }
        em.flush();
        LocalDate today = JapanDate.today();
        for (DemoListing d : data.listings()) {
            if (Listing.findById(d.id()) != null) {
                continue;
            }
            Listing l = new Listing();
            l.id = d.id();
            l.municipalityCode = d.municipalityCode();
            l.organizationId = d.organizationId();
            l.kind = d.kind();
            l.category = d.category();
            l.title = d.title();
            l.description = d.description();
            l.themes = d.themes().toArray(String[]::new);
            l.areaIds = d.areaIds().toArray(UUID[]::new);
            l.quantity = d.quantity();
            l.unit = d.unit();
            l.availableFrom = d.availableFromDays() == null ? null : today.plusDays(d.availableFromDays());
            l.availableUntil = d.availableUntilDays() == null ? null : today.plusDays(d.availableUntilDays());
            l.contactName = d.contactName();
            l.contactEmail = d.contactEmail();
            l.contactPhone = d.contactPhone();
            l.status = ListingStatus.OPEN;
            l.createdAt = OffsetDateTime.now();
            l.updatedAt = l.createdAt;
            l.reindex(keywords);
            l.persist();
            added++;
        }
        em.flush();
        for (DemoMatch d : data.matches()) {
            if (Match.findById(d.id()) != null) {
                continue;
            }
            Listing need = Listing.findById(d.needId());
            Listing have = Listing.findById(d.haveId());
            Match m = new Match();
            m.id = d.id();
            m.municipalityCode = need.municipalityCode;
            m.needId = need.id;
            m.haveId = have.id;
            m.needOrganizationId = need.organizationId;
            m.haveOrganizationId = have.organizationId;
            m.createdAt = OffsetDateTime.now().minusDays(30);
            m.suggestedAt = m.createdAt;
            m.status = d.status();
            matching.record(m, matching.score(need, have));
            if (d.status() != MatchStatus.SUGGESTED) {
                m.proposedSide = d.proposedSide();
                m.proposedBy = d.proposedBy() == null ? null : userId(users, d.proposedBy());
                m.message = d.message();
                m.quantity = d.quantity();
                m.proposedAt = m.createdAt.plusDays(1);
            }
            if (d.status() != MatchStatus.SUGGESTED && d.status() != MatchStatus.PROPOSED) {
                m.responseNote = d.responseNote();
                m.respondedAt = m.createdAt.plusDays(3);
            }
            if (d.status().isAgreed()) {
                need.take(m.quantity);
                have.take(m.quantity);
            }
            if (d.status() == MatchStatus.FULFILLED) {
                m.fulfilledAt = m.createdAt.plusDays(20);
            }
            m.updatedAt = m.respondedAt != null ? m.respondedAt : m.createdAt;
            m.persist();
            em.flush();
            added++;
        }
        for (DemoProject d : data.projects()) {
            if (Project.findById(d.id()) != null) {
                continue;
            }
            Project p = new Project();
            p.id = d.id();
            p.municipalityCode = d.municipalityCode();
            p.title = d.title();
            p.summary = d.summary();
            p.vision = d.vision();
            p.issue = d.issue();
            p.domain = d.domain();
            p.forms = d.forms().toArray(String[]::new);
            p.areaIds = d.areaIds().toArray(UUID[]::new);
            p.published = d.published();
            p.startsOn = d.startsOn();
            p.endsOn = d.endsOn();
            p.sourceMatchId = d.sourceMatchId();
            p.stage = d.stages().get(d.stages().size() - 1).stage();
            p.createdAt = OffsetDateTime.now().minusDays(d.stages().get(0).daysAgo());
            p.updatedAt = OffsetDateTime.now().minusDays(d.stages().get(d.stages().size() - 1).daysAgo());
            p.reindex();
            p.persist();
            em.flush();
            for (DemoPartner dp : d.partners()) {
                ProjectPartner pp = new ProjectPartner();
                pp.id = dp.id();
                pp.projectId = p.id;
                pp.organizationId = dp.organizationId();
                pp.role = dp.role();
                pp.contribution = dp.contribution();
                pp.listingIds = dp.listingIds().toArray(UUID[]::new);
                pp.status = dp.status();
                pp.invitedAt = p.createdAt;
                pp.respondedAt = dp.status() == PartnerStatus.INVITED ? null : p.createdAt;
                pp.invitedByOrganizationId = dp.status() == PartnerStatus.INVITED
                        ? d.partners().get(0).organizationId() : null;
                pp.createdAt = p.createdAt;
                pp.updatedAt = p.createdAt;
                pp.persist();
            }
            ProjectStage previous = null;
            for (DemoStage s : d.stages()) {
                ProjectStageChange c = ProjectStageChange.of(p.id, previous, s.stage(), s.note(), null);
                c.changedAt = OffsetDateTime.now().minusDays(s.daysAgo());
                c.persist();
                previous = s.stage();
            }
            em.flush();
            added++;
        }
        for (DemoNotification d : data.notifications()) {
            added += em.createNativeQuery("""
                            insert into notification (id, user_id, municipality_code, kind, match_id, listing_id,
                                                      organization_id, subject, detail, counterpart)
                            values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) on conflict (id) do nothing""")
                    .setParameter(1, d.id()).setParameter(2, userId(users, d.username()))
                    .setParameter(3, d.municipalityCode()).setParameter(4, d.kind()).setParameter(5, d.matchId())
                    .setParameter(6, d.listingId()).setParameter(7, d.organizationId()).setParameter(8, d.subject())
                    .setParameter(9, d.detail()).setParameter(10, d.counterpart()).executeUpdate();
        }
        LOG.infof("Co-creation demo data: %d records added", added);
    }

    /** A person of this file or of the base demo data, by username. */
    private UUID userId(Map<String, UUID> users, String username) {
        UUID id = users.get(username);
        if (id != null) {
            return id;
        }
        return em.createQuery("select u.id from UserAccount u where u.email = ?1 order by u.createdAt", UUID.class)
                .setParameter(1, username + "@kyoso.example").setMaxResults(1).getResultStream().findFirst()
                .orElseThrow(() -> new IllegalStateException("No demo user " + username));
    }

    private static CoCreationData read() {
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        try (InputStream in = CoCreationDemoLoader.class.getResourceAsStream("/demo/co-creation.json")) {
            return json.readValue(in, CoCreationData.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read /demo/co-creation.json", e);
        }
    }
}
