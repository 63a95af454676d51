package jp.kyoso.plan;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jp.kyoso.core.security.Access;
import jp.kyoso.core.security.CurrentUser;
import jp.kyoso.organization.MyMemberships;

import java.util.UUID;

/** Plans as the current caller may reach them: {@link PlanAccess} applied to who is asking. */
@ApplicationScoped
public class Plans {

    @Inject Access access;
    @Inject CurrentUser currentUser;
    @Inject MyMemberships myMemberships;

    /** The policy for the current caller; cheap to build, its facts are read when a rule needs them. */
    PlanAccess access() {
        return new PlanAccess(currentUser.isAuthenticated(), access::isStaff,
                organizationId -> myMemberships.roleIn(organizationId).isPresent());
    }

    public boolean canEdit(Plan plan) {
        return access().canEdit(plan);
    }

    /** The plan if the caller may read it: published ones for everyone, drafts for their editors. */
    public Plan requireVisible(UUID id) {
        return access().requireReadable(id == null ? null : Plan.findById(id));
    }

    public void requireEditor(Plan plan) {
        // The signed-in person is looked up (and registered on first sight) before any rule is applied.
        access.requireUser();
        access().requireEditor(plan);
    }

    /** The plan, visible to and editable by the caller, still open for changes. */
    public Plan requireEditable(UUID id) {
        Plan plan = requireVisible(id);
        requireEditor(plan);
        plan.requireEditable();
        return plan;
    }
}
