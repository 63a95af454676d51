package jp.kyoso.core.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jp.kyoso.core.i18n.Label;
import jp.kyoso.core.problem.Problems;

/**
 * The platform- and municipality-level permission checks, used by every feature. Anonymous
 * callers get 401, signed-in callers without the right get 403. Object-level rules (who may
 * edit an organisation, say) live with their feature and build on these.
 */
@ApplicationScoped
public class Access {

    @Inject CurrentUser user;

    public Person requireUser() {
        return user.require();
    }

    public void requireAdmin() {
        user.require();
        if (!user.isAdmin()) {
            throw Problems.forbidden(Label.of("プラットフォーム管理者だけが行えます", "Only platform administrators may do this"));
        }
    }

    /** Staff or manager of that municipality, or a platform admin. */
    public boolean isStaff(String municipalityCode) {
        return user.isAdmin() || user.staffRole(municipalityCode).isPresent();
    }

    public boolean isManager(String municipalityCode) {
        return user.isAdmin() || user.staffRole(municipalityCode).filter(r -> r == StaffRole.MANAGER).isPresent();
    }

    public void requireStaff(String municipalityCode) {
        user.require();
        if (!isStaff(municipalityCode)) {
            throw Problems.forbidden(Label.of("この自治体の職員だけが行えます", "Only staff of this municipality may do this"));
        }
    }

    public void requireManager(String municipalityCode) {
        user.require();
        if (!isManager(municipalityCode)) {
            throw Problems.forbidden(Label.of("この自治体の管理職員だけが行えます", "Only managers of this municipality may do this"));
        }
    }
}
