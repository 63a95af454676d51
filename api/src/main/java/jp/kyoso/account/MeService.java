package jp.kyoso.account;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jp.kyoso.account.MeDtos.MeView;
import jp.kyoso.account.MeDtos.MembershipOfMine;
import jp.kyoso.account.MeDtos.StaffOfMine;
import jp.kyoso.core.i18n.RequestLanguage;
import jp.kyoso.core.security.CurrentUser;
import jp.kyoso.municipality.Municipality;
import jp.kyoso.municipality.StaffMembership;
import jp.kyoso.organization.Organization;
import jp.kyoso.organization.OrganizationMembership;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The signed-in person as they see themselves: their account, staff roles and memberships. */
@ApplicationScoped
public class MeService {

    @Inject CurrentUser currentUser;
    @Inject RequestLanguage language;

    public MeView me() {
        UserAccount user = UserAccount.findById(currentUser.require().id());
        List<StaffMembership> staff = StaffMembership.ofUser(user.id);
        Map<String, Municipality> municipalities = staff.isEmpty() ? Map.of() : Municipality.<Municipality>list(
                        "code in ?1", staff.stream().map(s -> s.id.municipalityCode()).toList()).stream()
                .collect(Collectors.toMap(m -> m.code, Function.identity()));
        List<OrganizationMembership> memberships = OrganizationMembership.list("id.userId", user.id);
        Map<UUID, Organization> orgs = memberships.isEmpty() ? Map.of() : Organization.<Organization>list(
                        "id in ?1 and deletedAt is null", memberships.stream().map(m -> m.id.organizationId()).toList())
                .stream().collect(Collectors.toMap(o -> o.id, Function.identity()));
        return new MeView(user.id, user.displayName, user.email, currentUser.isAdmin(),
                staff.stream().map(s -> new StaffOfMine(s.id.municipalityCode(),
                        municipalities.get(s.id.municipalityCode()).name, s.role, language.label(s.role))).toList(),
                memberships.stream().filter(m -> orgs.containsKey(m.id.organizationId())).map(m -> {
                    Organization o = orgs.get(m.id.organizationId());
                    return new MembershipOfMine(o.id, o.name, o.municipalityCode, o.status, m.role, language.label(m.role));
                }).toList());
    }
}
