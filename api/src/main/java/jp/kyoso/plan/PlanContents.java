package jp.kyoso.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jp.kyoso.core.i18n.Label;
import jp.kyoso.core.problem.Problems;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.UUID;

/** Reads a plan's content: the working draft from its tables, a published version from its snapshot. */
@ApplicationScoped
public class PlanContents {

    @Inject Plans plans;
    @Inject ObjectMapper json;

    public PlanTree workingTree(UUID planId) {
        return PlanTree.of(PlanItem.ofPlan(planId).stream().map(PlanItem::data).toList(),
                ItemStatusRecord.ofPlan(planId).stream().map(ItemStatusRecord::data).toList());
    }

    /** The caller's view: a given published version, else the draft for editors and the latest version for others. */
    public PlanContent content(Plan plan, Integer versionNumber) {
        if (versionNumber != null) {
            return version(plan, requireVersion(plan, versionNumber));
        }
        if (plans.access().readsDraft(plan)) {
            return draft(plan);
        }
        return version(plan, requireVersion(plan, plan.latestVersion));
    }

    public PlanContent draft(Plan plan) {
        return PlanContent.draft(plan, workingTree(plan.id));
    }

    PlanContent version(Plan plan, PlanVersion version) {
        return PlanContent.published(plan, version, snapshotOf(version));
    }

    PlanVersion requireVersion(Plan plan, int number) {
        PlanVersion version = PlanVersion.find(plan.id, number);
        if (version == null) {
            throw Problems.notFound(Label.of("第" + number + "版はありません", "No version " + number + " of this plan"));
        }
        return version;
    }

    PlanSnapshot snapshotOf(PlanVersion version) {
        try {
            return json.readValue(version.snapshot, PlanSnapshot.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String toJson(PlanSnapshot snapshot) {
        try {
            return json.writeValueAsString(snapshot);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
