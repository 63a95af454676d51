package jp.kyoso.matching;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jp.kyoso.core.audit.AuditLog;
import jp.kyoso.core.i18n.RequestLanguage;
import jp.kyoso.core.paging.Page;
import jp.kyoso.core.paging.PageParams;
import jp.kyoso.core.persistence.ByIds;
import jp.kyoso.listing.JapanDate;
import jp.kyoso.listing.Listing;
import jp.kyoso.listing.ListingChanged;
import jp.kyoso.listing.ListingKind;
import jp.kyoso.listing.ListingService;
import jp.kyoso.matching.MatchDtos.SuggestionView;
import jp.kyoso.notification.NotificationKind;
import jp.kyoso.notification.Notifications;
import jp.kyoso.organization.Organization;
import org.hibernate.Session;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Ranked counterpart suggestions for a listing: candidates preselected by {@link CandidateQuery},
 * each scored by {@link MatchScorer}, ordered by score and then id (deterministic). When a new or
 * changed HAVE fits an open NEED strongly, the NEED's organisation is told (a SUGGESTED match and a
 * notification), once per pair.
 */
@ApplicationScoped
public class MatchSuggestions {

    /** Below this a counterpart is not worth showing. */
    public static final double MIN_SCORE = 0.3;
    /** From this on a new have is announced to the needs it fits. */
    public static final double STRONG_SCORE = 0.6;
    static final int STRONG_LIMIT = 5;
    public static final int MAX_LIMIT = 50;

    private static final TypeReference<List<MatchScorer.Reason>> REASONS = new TypeReference<>() {
    };

    public record Ranked(MatchFeatures candidate, MatchScorer.Score score) {
    }

    @Inject EntityManager em;
    @Inject ListingService listings;
    @Inject RequestLanguage language;
    @Inject Notifications notifications;
    @Inject AuditLog audit;
    @Inject ObjectMapper json;
    @Inject KeyStatistics keyStatistics;
    @Inject MeterRegistry metrics;

    public Page<SuggestionView> suggestions(UUID listingId, int limit) {
        Listing source = listings.requireVisible(listingId);
        PageParams page = PageParams.of(0, limit);
        if (!source.isOpen()) {
            return Page.of(List.of(), page, 0);
        }
        AreaTree areas = areaTree(source.municipalityCode);
        List<Ranked> ranked = rank(source, areas);
        List<Ranked> top = ranked.subList(0, Math.min(limit, ranked.size()));
        Map<UUID, Listing> byId = ByIds.load(Listing.class, top.stream().map(r -> r.candidate().id()).toList());
        Map<UUID, Organization> orgs = ByIds.load(Organization.class,
                top.stream().map(r -> r.candidate().organizationId()).toList());
        List<SuggestionView> items = top.stream().map(r -> {
            Listing listing = byId.get(r.candidate().id());
            return new SuggestionView(listings.publicView(listing, orgs.get(listing.organizationId)),
                    ReasonLabels.round(r.score().value()),
                    ReasonLabels.render(r.score().reasons(), areas, language.get()));
        }).toList();
        return Page.of(items, page, ranked.size());
    }

    /** Every candidate for an OPEN listing that scores at least {@link #MIN_SCORE}, best first. */
    public List<Ranked> rank(Listing source, AreaTree areas) {
        MatchFeatures self = MatchFeatures.of(source);
        CandidateQuery.Source query = new CandidateQuery.Source(source.municipalityCode, source.kind,
                source.organizationId, source.category, source.availableFrom, source.availableUntil,
                source.matchKeys, source.titleKeys, areas.neighbourhood(List.of(source.areaIds)));
        LocalDate today = JapanDate.today();
        List<MatchFeatures> candidates = em.unwrap(Session.class)
                .doReturningWork(c -> CandidateQuery.candidates(c, query, today, keyStatistics.common()));
        // Prometheus: kyoso_matching_candidates (preselected per ranking) and kyoso_matching_scoring_seconds.
        metrics.summary("kyoso.matching.candidates").record(candidates.size());
        MatchScorer.Counterparts scorer = MatchScorer.counterparts(self, source.kind == ListingKind.NEED, areas);
        return Timer.builder("kyoso.matching.scoring").register(metrics).record(() -> candidates.stream()
                .map(c -> new Ranked(c, scorer.score(c)))
                .filter(r -> r.score().value() >= MIN_SCORE)
                .sorted(Comparator.comparingDouble((Ranked r) -> r.score().value()).reversed()
                        .thenComparing(r -> r.candidate().id()))
                .toList());
    }

    /** Scores one need and have as proposals record it. */
    public MatchScorer.Score score(Listing need, Listing have) {
        return MatchScorer.score(MatchFeatures.of(need), MatchFeatures.of(have), areaTree(need.municipalityCode));
    }

    public AreaTree areaTree(String municipalityCode) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select id, parent_id, name from area where municipality_code = ?1")
                .setParameter(1, municipalityCode).getResultList();
        Map<UUID, AreaTree.Node> nodes = new HashMap<>();
        for (Object[] r : rows) {
            nodes.put((UUID) r[0], new AreaTree.Node((UUID) r[0], (UUID) r[1], (String) r[2]));
        }
        return new AreaTree(nodes);
    }

    /** A new or changed open HAVE of an active organisation: tell the needs it fits strongly. */
    void onListingChanged(@Observes ListingChanged event) {
        Listing have = Listing.findById(event.listingId());
        if (have == null || have.kind != ListingKind.HAVE || !have.isOpen()) {
            return;
        }
        Organization haveOrg = Organization.findById(have.organizationId);
        if (haveOrg == null || !haveOrg.isActive()) {
            return;
        }
        AreaTree areas = areaTree(have.municipalityCode);
        List<Ranked> strong = rank(have, areas).stream()
                .filter(r -> r.score().value() >= STRONG_SCORE).limit(STRONG_LIMIT).toList();
        for (Ranked r : strong) {
            UUID needId = r.candidate().id();
            if (Match.count("needId = ?1 and haveId = ?2", needId, have.id) > 0) {
                continue; // suggested, proposed or decided before: never announce a pair twice
            }
            Listing need = Listing.findById(needId);
            Match match = new Match();
            match.id = UUID.randomUUID();
            match.municipalityCode = have.municipalityCode;
            match.needId = needId;
            match.haveId = have.id;
            match.needOrganizationId = need.organizationId;
            match.haveOrganizationId = have.organizationId;
            match.status = MatchStatus.SUGGESTED;
            record(match, r.score());
            match.suggestedAt = OffsetDateTime.now();
            match.createdAt = match.suggestedAt;
            match.updatedAt = match.suggestedAt;
            match.persist();
            audit.record(match.municipalityCode, "match.suggest", "match", match.id, null,
                    Map.of("needId", needId, "haveId", have.id, "score", match.score));
            notifications.tellMembers(need.organizationId, new Notifications.Event(NotificationKind.STRONG_SUGGESTION,
                    have.municipalityCode, match.id, needId, null, have.organizationId, need.title, have.title,
                    haveOrg.name));
        }
    }

    /** Stores a score and its reasons on a match. */
    public void record(Match match, MatchScorer.Score score) {
        match.score = BigDecimal.valueOf(score.value()).setScale(3, RoundingMode.HALF_UP);
        try {
            match.reasons = json.writeValueAsString(score.reasons());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    List<MatchScorer.Reason> reasonsOf(Match match) {
        try {
            return match.reasons == null ? List.of() : json.readValue(match.reasons, REASONS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
