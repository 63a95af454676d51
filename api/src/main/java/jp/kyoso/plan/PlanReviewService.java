package jp.kyoso.plan;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jp.kyoso.core.text.Texts;
import jp.kyoso.core.audit.AuditLog;
import jp.kyoso.core.persistence.Changes;
import jp.kyoso.core.fiscal.FiscalYears;
import jp.kyoso.core.i18n.Label;
import jp.kyoso.core.i18n.RequestLanguage;
import jp.kyoso.core.paging.Page;
import jp.kyoso.core.paging.PageParams;
import jp.kyoso.core.problem.Problems;
import jp.kyoso.core.security.CurrentUser;
import jp.kyoso.plan.PlanDtos.ReviewView;
import jp.kyoso.plan.PlanDtos.ReviewWrite;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reviews (ふりかえり) of a plan per fiscal year: the plan's editors record self, mutual and
 * third-party evaluations; whoever may read the plan reads them. Reviews are records of what
 * happened, not part of the plan's text, so they are not versioned with it.
 */
@ApplicationScoped
public class PlanReviewService {

    @Inject Plans plans;
    @Inject PlanViews views;
    @Inject Changes changes;
    @Inject CurrentUser currentUser;
    @Inject AuditLog audit;
    @Inject FiscalYears fiscalYears;
    @Inject RequestLanguage language;

    public Page<ReviewView> list(UUID planId, Integer fiscalYear, PageParams paging) {
        Plan plan = plans.requireVisible(planId);
        var query = fiscalYear == null
                ? PlanReview.<PlanReview>find("planId = ?1 order by fiscalYear desc, createdAt, id", plan.id)
                : PlanReview.<PlanReview>find("planId = ?1 and fiscalYear = ?2 order by createdAt, id", plan.id, fiscalYear);
        Page<PlanReview> reviews = Page.load(query, paging);
        boolean editor = plans.canEdit(plan);
        Map<UUID, String> names = editor ? views.userNames(reviews.items().stream().map(r -> r.authorId).toList()) : Map.of();
        return reviews.map(r -> view(r, editor, names));
    }

    public ReviewView get(UUID planId, UUID reviewId) {
        Plan plan = plans.requireVisible(planId);
        return view(plan, require(plan, reviewId));
    }

    @Transactional
    public ReviewView create(UUID planId, ReviewWrite write) {
        Plan plan = plans.requireEditable(planId);
        checkYear(plan, write.fiscalYear());
        PlanReview review = new PlanReview();
        review.id = UUID.randomUUID();
        review.planId = plan.id;
        review.authorId = currentUser.require().id();
        review.created();
        apply(review, write);
        review.persistAndFlush();
        ReviewView view = view(plan, review);
        audit.record(plan.municipalityCode, "plan.review.create", "plan_review", review.id, null, view);
        return view;
    }

    @Transactional
    public ReviewView update(UUID planId, UUID reviewId, String ifMatch, ReviewWrite write) {
        Plan plan = plans.requireEditable(planId);
        PlanReview review = require(plan, reviewId);
        changes.update(review, ifMatch, audited(plan, review, "plan.review.update"), r -> view(plan, r), r -> {
            checkYear(plan, write.fiscalYear());
            apply(r, write);
        });
        return view(plan, review);
    }

    @Transactional
    public void delete(UUID planId, UUID reviewId, String ifMatch) {
        Plan plan = plans.requireEditable(planId);
        PlanReview review = require(plan, reviewId);
        changes.delete(review, ifMatch, audited(plan, review, "plan.review.delete"), r -> view(plan, r),
                PlanReview::delete);
    }

    private static Changes.Audited audited(Plan plan, PlanReview review, String action) {
        return new Changes.Audited(plan.municipalityCode, action, "plan_review", review.id);
    }

    private PlanReview require(Plan plan, UUID reviewId) {
        PlanReview review = reviewId == null ? null : PlanReview.findById(reviewId);
        if (review == null || !review.planId.equals(plan.id)) {
            throw Problems.notFound(Label.of("ふりかえりが見つかりません", "No such review of this plan"));
        }
        return review;
    }

    private void checkYear(Plan plan, int fiscalYear) {
        if (!plan.covers(fiscalYear)) {
            throw Problems.invalidField("fiscalYear", Label.of("計画期間（" + fiscalYears.label(plan.startFiscalYear)
                    + "〜" + fiscalYears.label(plan.endFiscalYear) + "）の年度を指定してください",
                    "Must be a fiscal year of the plan (" + plan.startFiscalYear + "–" + plan.endFiscalYear + ")"));
        }
    }

    private void apply(PlanReview review, ReviewWrite write) {
        review.fiscalYear = write.fiscalYear();
        review.kind = write.kind();
        review.evaluator = Texts.blankToNull(write.evaluator());
        review.summary = write.summary().strip();
        review.findings = Texts.blankToNull(write.findings());
        review.nextActions = Texts.blankToNull(write.nextActions());
    }

    private ReviewView view(Plan plan, PlanReview r) {
        boolean editor = plans.canEdit(plan);
        return view(r, editor, editor ? views.userNames(List.of(r.authorId)) : Map.of());
    }

    private ReviewView view(PlanReview r, boolean editor, Map<UUID, String> names) {
        return new ReviewView(r.id, r.planId, r.fiscalYear, fiscalYears.label(r.fiscalYear), r.kind,
                language.label(r.kind), r.evaluator, r.summary, r.findings, r.nextActions,
                editor ? r.authorId : null, editor ? names.get(r.authorId) : null, r.version, r.createdAt, r.updatedAt);
    }
}
