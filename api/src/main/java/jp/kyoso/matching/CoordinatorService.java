package jp.kyoso.matching;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jp.kyoso.core.audit.AuditLog;
import jp.kyoso.core.i18n.Label;
import jp.kyoso.core.paging.Page;
import jp.kyoso.core.paging.PageParams;
import jp.kyoso.core.persistence.ByIds;
import jp.kyoso.core.problem.Problems;
import jp.kyoso.core.security.Access;
import jp.kyoso.matching.BrokeringDtos.CoordinatorView;
import jp.kyoso.matching.MatchDtos.OrganizationRef;
import jp.kyoso.municipality.Municipalities;
import jp.kyoso.organization.Organization;
import jp.kyoso.organization.OrganizationService;
import jp.kyoso.organization.OrganizationType;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/**
 * Coordinators (コーディネーター): staff of a municipality approve an ACTIVE 中間支援組織
 * (INTERMEDIARY) of theirs, whose members may then broker matches, and revoke it. Who is approved
 * is public.
 */
@ApplicationScoped
public class CoordinatorService {

    @Inject Access access;
    @Inject AuditLog audit;
    @Inject Municipalities municipalities;
    @Inject OrganizationService organizations;

    public Page<CoordinatorView> list(String code, PageParams paging) {
        municipalities.require(code);
        var query = Coordinator.<Coordinator>find("municipalityCode = ?1 order by approvedAt, organizationId", code);
        Page<Coordinator> page = Page.load(query, paging);
        Map<UUID, Organization> orgs = ByIds.load(Organization.class, page.items().stream().map(c -> c.organizationId).toList());
        return page.map(c -> view(c, orgs.get(c.organizationId)));
    }

    @Transactional
    public CoordinatorView approve(UUID organizationId) {
        Organization org = organizations.requireVisible(organizationId);
        access.requireStaff(org.municipalityCode);
        if (org.type != OrganizationType.INTERMEDIARY) {
            throw Problems.conflict(Label.of("コーディネーターに承認できるのは中間支援組織だけです",
                    "Only an intermediary support organisation (INTERMEDIARY) can be approved as a coordinator"));
        }
        if (!org.isActive()) {
            throw Problems.conflict(Label.of("承認済みで公開中の団体だけをコーディネーターにできます",
                    "Only an active organisation can be approved as a coordinator"));
        }
        Coordinator c = Coordinator.findById(org.id);
        if (c == null) {
            c = new Coordinator();
            c.organizationId = org.id;
            c.municipalityCode = org.municipalityCode;
            c.approvedBy = access.requireUser().id();
            c.approvedAt = OffsetDateTime.now();
            c.persist();
            audit.record(org.municipalityCode, "coordinator.approve", "organization", org.id, null, view(c, org));
        }
        return view(c, org);
    }

    @Transactional
    public void revoke(UUID organizationId) {
        Organization org = organizations.requireVisible(organizationId);
        access.requireStaff(org.municipalityCode);
        Coordinator c = Coordinator.findById(org.id);
        if (c == null) {
            throw Problems.notFound(Label.of("この団体はコーディネーターに承認されていません",
                    "This organisation is not an approved coordinator"));
        }
        audit.record(org.municipalityCode, "coordinator.revoke", "organization", org.id, view(c, org), null);
        c.delete();
    }

    private static CoordinatorView view(Coordinator c, Organization org) {
        return new CoordinatorView(new OrganizationRef(org.id, org.name), c.municipalityCode, c.approvedAt);
    }
}
