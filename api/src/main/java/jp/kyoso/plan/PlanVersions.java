package jp.kyoso.plan;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jp.kyoso.core.audit.AuditLog;
import jp.kyoso.core.integration.DomainEvents;
import jp.kyoso.core.fiscal.FiscalYears;
import jp.kyoso.core.i18n.Label;
import jp.kyoso.core.i18n.RequestLanguage;
import jp.kyoso.core.problem.Problems;
import jp.kyoso.core.security.CurrentUser;
import jp.kyoso.core.web.Etags;
import jp.kyoso.plan.PlanDtos.DiffView;
import jp.kyoso.plan.PlanDtos.PlanView;
import jp.kyoso.plan.PlanDtos.VersionSummary;
import jp.kyoso.plan.PlanDtos.VersionView;

import static jp.kyoso.core.text.Texts.blankToNull;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A plan's published versions: publishing freezes the draft as the next immutable version, which
 * the public reads; versions are listed, read as published and compared with each other or with
 * the draft.
 */
@ApplicationScoped
public class PlanVersions {

    @Inject Plans plans;
    @Inject PlanContents contents;
    @Inject PlanViews views;
    @Inject CurrentUser currentUser;
    @Inject AuditLog audit;
    @Inject DomainEvents domainEvents;
    @Inject FiscalYears fiscalYears;
    @Inject RequestLanguage language;

    /**
     * Publishes the draft as the next version. If-Match is optional here: publishing only freezes
     * what is there, so it is checked (against the whole draft, items included) only when sent.
     */
    @Transactional
    public WithVersion<VersionSummary> publish(UUID id, String ifMatch, String note) {
        Plan plan = plans.requireEditable(id);
        if (ifMatch != null) {
            Etags.lockAndCheck(ifMatch, plan, plan.version);
        }
        PlanView before = views.view(plan);
        int number = plan.latestVersion == null ? 1 : plan.latestVersion + 1;
        PlanSnapshot snapshot = contents.draft(plan).snapshot();
        plan.publish(number);
        PlanVersion version = new PlanVersion();
        version.id = new PlanVersion.Key(plan.id, number);
        version.publishedAt = OffsetDateTime.now();
        version.publishedBy = currentUser.require().id();
        version.note = blankToNull(note);
        version.snapshot = contents.toJson(snapshot);
        version.persist();
        plan.persistAndFlush();
        VersionSummary summary = views.summary(plan, version);
        audit.record(plan.municipalityCode, "plan.publish", "plan", plan.id, before, summary);
        domainEvents.emit("plan.published", plan.municipalityCode, true, java.util.Collections.singleton(plan.organizationId),
                Map.of("id", plan.id, "title", plan.title, "version", number));
        return new WithVersion<>(summary, plan.version);
    }

    public List<VersionSummary> versions(UUID id) {
        Plan plan = plans.requireVisible(id);
        return views.summaries(plan, PlanVersion.ofPlan(plan.id));
    }

    public VersionView version(UUID id, int number) {
        Plan plan = plans.requireVisible(id);
        PlanVersion version = contents.requireVersion(plan, number);
        PlanContent content = contents.version(plan, version);
        return new VersionView(views.summary(plan, version), views.view(content, version.publishedAt),
                PlanItemViews.items(content, fiscalYears, language));
    }

    /** What changed from version {@code from} to version {@code to}, or to the draft ("draft", editors only). */
    public DiffView diff(UUID id, Integer from, String to) {
        Plan plan = plans.requireVisible(id);
        if (!plan.isPublic()) {
            throw Problems.conflict(Label.of("まだ公開されていないため、比べる版がありません",
                    "The plan has no published version to compare yet"));
        }
        PlanContent newer;
        if (to == null || to.isBlank()) {
            newer = contents.version(plan, contents.requireVersion(plan, plan.latestVersion));
        } else if ("draft".equalsIgnoreCase(to.strip())) {
            plans.requireEditor(plan);
            newer = contents.draft(plan);
        } else {
            newer = contents.version(plan, contents.requireVersion(plan, versionNumber(to)));
        }
        int older = from != null ? from
                : newer.version() == null ? plan.latestVersion : Math.max(1, newer.versionNumber() - 1);
        PlanContent base = contents.version(plan, contents.requireVersion(plan, older));
        return PlanDiff.between(plan.id, base, newer, fiscalYears);
    }

    private static int versionNumber(String to) {
        try {
            return Integer.parseInt(to.strip());
        } catch (NumberFormatException e) {
            throw Problems.invalidField("to", Label.of("版の番号か draft を指定してください",
                    "A version number or \"draft\""));
        }
    }
}
