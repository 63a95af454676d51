package jp.kyoso.local;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jp.kyoso.listing.Listing;
import jp.kyoso.matching.Coordinator;
import jp.kyoso.matching.Match;
import jp.kyoso.matching.MatchStatus;
import jp.kyoso.matching.MatchSuggestions;
import jp.kyoso.organization.MemberRole;
import jp.kyoso.organization.Organization;
import jp.kyoso.organization.OrganizationMembership;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/**
 * つなぐ in 山陽小野田市: its 市民活動センター (a 中間支援組織 of the base demo data) approved as a
 * coordinator by sanyo-manager, with sanyo-center as its owner, and one match it brokered between the
 * 本山地区ふるさとづくり協議会's need for rides and the 社会福祉協議会's help in starting them: the
 * need's side has accepted, the have's side not yet. Runs after {@link CoCreationDemoLoader}; fixed
 * ids, insert-if-absent.
 */
@ApplicationScoped
public class BrokeringDemoLoader {

    private static final Logger LOG = Logger.getLogger(BrokeringDemoLoader.class);

    static final UUID CENTER = UUID.fromString("4936942d-6ddb-46ae-810e-5784988ad689");
    static final UUID RIDES_NEED = UUID.fromString("1036fcb1-81d2-578b-a3ca-00e8b208e409");
    static final UUID RIDES_HAVE = UUID.fromString("3b4ce148-c869-5c24-8ee8-4c54a7c3b2c1");
    static final UUID BROKERED = UUID.fromString("309430be-8c59-3c12-9c2d-a5364edde04c");

    @ConfigProperty(name = "kyoso.demo-data", defaultValue = "false")
    boolean enabled;

    @ConfigProperty(name = "quarkus.oidc.token.issuer")
    Optional<String> tokenIssuer;

    @ConfigProperty(name = "quarkus.oidc.auth-server-url")
    Optional<String> authServerUrl;

    @Inject EntityManager em;
    @Inject MatchSuggestions matching;

    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 650) StartupEvent event) {
        if (enabled) {
            load();
        }
    }

    @Transactional
    public void load() {
        if (Organization.findById(CENTER) == null || Listing.findById(RIDES_NEED) == null
                || Listing.findById(RIDES_HAVE) == null || Match.findById(BROKERED) != null) {
            return;
        }
        String issuer = tokenIssuer.filter(s -> !s.isBlank() && !"any".equals(s))
                .orElse(authServerUrl.orElse("urn:kyoso:no-issuer"));
        RealmExport.Person person = RealmExport.people().stream().filter(p -> p.username().equals("sanyo-center"))
                .findFirst().orElseThrow(() -> new IllegalStateException("sanyo-center is not in the realm export"));
        UUID center = (UUID) em.createNativeQuery("""
                        insert into app_user (id, issuer, subject, display_name, email)
                        values (gen_random_uuid(), ?1, ?2, ?3, ?4)
                        on conflict (issuer, subject) do update set issuer = excluded.issuer
                        returning id""")
                .setParameter(1, issuer).setParameter(2, person.subject()).setParameter(3, person.name())
                .setParameter(4, person.email()).getSingleResult();
        UUID manager = em.createQuery("select u.id from UserAccount u where u.email = ?1 order by u.createdAt", UUID.class)
                .setParameter(1, "sanyo-manager@kyoso.example").setMaxResults(1).getResultStream().findFirst()
                .orElse(center);
        if (OrganizationMembership.count("id.organizationId = ?1 and id.userId = ?2", CENTER, center) == 0) {
            OrganizationMembership.of(CENTER, center, MemberRole.OWNER).persist();
        }
        OffsetDateTime now = OffsetDateTime.now();
        if (Coordinator.findById(CENTER) == null) {
            Coordinator c = new Coordinator();
            c.organizationId = CENTER;
            c.municipalityCode = "352161";
            c.approvedBy = manager;
            c.approvedAt = now.minusDays(20);
            c.persist();
        }
        Listing need = Listing.findById(RIDES_NEED);
        Listing have = Listing.findById(RIDES_HAVE);
        Match m = new Match();
        m.id = BROKERED;
        m.municipalityCode = need.municipalityCode;
        m.needId = need.id;
        m.haveId = have.id;
        m.needOrganizationId = need.organizationId;
        m.haveOrganizationId = have.organizationId;
        m.status = MatchStatus.PROPOSED;
        matching.record(m, matching.score(need, have));
        m.brokerId = center;
        m.brokerOrganizationId = CENTER;
        m.proposedBy = center;
        m.message = "本山地区の送迎の立ち上げに、社協の移動支援の経験が役立つと思います。一度お話ししてみませんか。";
        m.createdAt = now.minusDays(6);
        m.proposedAt = m.createdAt;
        m.needAcceptedAt = now.minusDays(4);
        m.updatedAt = m.needAcceptedAt;
        m.persist();
        em.flush();
        LOG.infof("Brokering demo: coordinator %s, brokered match %s", CENTER, BROKERED);
    }
}
