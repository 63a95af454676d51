package jp.kyoso.municipality;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jp.kyoso.core.audit.AuditLog;
import jp.kyoso.core.i18n.Label;
import jp.kyoso.core.i18n.RequestLanguage;
import jp.kyoso.core.problem.Problems;
import jp.kyoso.core.security.Access;
import jp.kyoso.municipality.StaffMembership;
import jp.kyoso.core.security.StaffRole;
import jp.kyoso.core.security.People;
import jp.kyoso.core.security.Person;
import jp.kyoso.municipality.StaffDtos.StaffAppointment;
import jp.kyoso.municipality.StaffDtos.StaffMemberView;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A municipality's staff. Staff see the list; managers add and remove STAFF; only platform
 * admins appoint or remove MANAGERs.
 */
@ApplicationScoped
public class StaffService {

    @Inject People people;
    @Inject Municipalities municipalities;
    @Inject Access access;
    @Inject AuditLog audit;
    @Inject RequestLanguage language;

    public List<StaffMemberView> list(String code) {
        municipalities.require(code);
        access.requireStaff(code);
        List<StaffMembership> members = StaffMembership.ofMunicipality(code);
        Map<UUID, Person> users = people.find(members.stream().map(m -> m.id.userId()).toList());
        return members.stream().map(m -> view(m, users.get(m.id.userId()))).toList();
    }

    @Transactional
    public StaffMemberView appoint(String code, StaffAppointment request) {
        municipalities.require(code);
        requireMayManage(code, request.role());
        Person user = findUser(request);
        StaffMembership existing = StaffMembership.findById(new StaffMembership.Key(code, user.id()));
        if (existing != null) {
            requireMayManage(code, existing.role);
            StaffMemberView before = view(existing, user);
            existing.role = request.role();
            audit.record(code, "staff.update", "staff", user.id(), before, view(existing, user));
            return view(existing, user);
        }
        StaffMembership m = StaffMembership.of(code, user.id(), request.role());
        m.persist();
        audit.record(code, "staff.appoint", "staff", user.id(), null, view(m, user));
        return view(m, user);
    }

    @Transactional
    public void remove(String code, UUID userId) {
        municipalities.require(code);
        access.requireManager(code);
        StaffMembership m = StaffMembership.findById(new StaffMembership.Key(code, userId));
        if (m == null) {
            throw Problems.notFound(Label.of("この職員は登録されていません", "No such staff member"));
        }
        requireMayManage(code, m.role);
        audit.record(code, "staff.remove", "staff", userId, view(m, people.find(userId).orElse(null)), null);
        m.delete();
    }

    private void requireMayManage(String code, StaffRole role) {
        if (role == StaffRole.MANAGER) {
            access.requireAdmin();
        } else {
            access.requireManager(code);
        }
    }

    private Person findUser(StaffAppointment request) {
        if ((request.userId() == null) == (request.email() == null)) {
            throw Problems.invalidField("userId", Label.of("userId か email のどちらか一つを指定してください",
                    "Give exactly one of userId and email"));
        }
        Person user = request.userId() != null
                ? people.find(request.userId()).orElse(null)
                : people.byEmail(request.email()).orElse(null);
        if (user == null) {
            throw Problems.invalidField(request.userId() != null ? "userId" : "email", Label.of(
                    "この利用者は見つかりません（一度ログインした人だけを登録できます）",
                    "No such user (only people who have signed in once can be appointed)"));
        }
        return user;
    }

    StaffMemberView view(StaffMembership m, Person user) {
        return new StaffMemberView(m.id.userId(), user == null ? null : user.displayName(),
                user == null ? null : user.email(), m.role, language.label(m.role), m.createdAt);
    }
}
