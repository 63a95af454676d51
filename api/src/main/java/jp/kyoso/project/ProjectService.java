package jp.kyoso.project;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import jp.kyoso.area.AreaService;
import jp.kyoso.core.audit.AuditLog;
import jp.kyoso.core.i18n.Label;
import jp.kyoso.core.i18n.RequestLanguage;
import jp.kyoso.core.paging.Page;
import jp.kyoso.core.paging.PageParams;
import jp.kyoso.core.problem.Problems;
import jp.kyoso.core.search.JapaneseText;
import jp.kyoso.core.search.SqlArrays;
import jp.kyoso.core.security.Access;
import jp.kyoso.core.security.CurrentUser;
import jp.kyoso.core.security.Person;
import jp.kyoso.core.web.Etags;
import jp.kyoso.listing.Listing;
import jp.kyoso.matching.Match;
import jp.kyoso.municipality.Municipalities;
import jp.kyoso.municipality.Municipality;
import jp.kyoso.notification.NotificationKind;
import jp.kyoso.notification.Notifications;
import jp.kyoso.organization.MyMemberships;
import jp.kyoso.organization.Organization;
import jp.kyoso.organization.OrganizationMembership;
import jp.kyoso.project.ProjectDtos.PartnerInvite;
import jp.kyoso.project.ProjectDtos.PartnerView;
import jp.kyoso.project.ProjectDtos.PartnerWrite;
import jp.kyoso.project.ProjectDtos.ProjectCreate;
import jp.kyoso.project.ProjectDtos.ProjectView;
import jp.kyoso.project.ProjectDtos.ProjectWrite;
import jp.kyoso.project.ProjectDtos.StageChangeView;
import jp.kyoso.project.ProjectDtos.StageChangeWrite;

import static jp.kyoso.core.text.Texts.blankToNull;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Co-creation projects. Members of an organisation (or staff) start one from scratch, or members
 * of either side start one from an accepted match. Members of active partners and staff edit it,
 * move its stage (with a note, kept as history) and invite further organisations, whose members
 * accept or decline. Published projects are public; the rest are seen by partners and staff.
 */
@ApplicationScoped
public class ProjectService {

    public record Criteria(String q, ProjectStage stage, CoCreationDomain domain, UUID area) {
    }

    @Inject
    EntityManager em;

    @Inject
    Municipalities municipalities;

    @Inject
    AreaService areas;

    @Inject
    Access access;

    @Inject
    CurrentUser currentUser;

    @Inject
    MyMemberships memberships;

    @Inject
    AuditLog audit;

    @Inject
    Notifications notifications;

    @Inject
    RequestLanguage language;

    /** The project if the caller may see it; 404 otherwise. */
    public Project requireVisible(UUID id) {
        Project project = id == null ? null : Project.findById(id);
        if (project == null || project.deletedAt != null
                || (!project.published && !isPartnerMember(project, false) && !access.isStaff(project.municipalityCode))) {
            throw Problems.notFound(Label.of("協創の場が見つかりません", "No such project"));
        }
        return project;
    }

    @Transactional
    public Project create(String code, ProjectCreate create) {
        Municipality municipality = municipalities.require(code);
        Person user = access.requireUser();
        Project project = new Project();
        project.id = UUID.randomUUID();
        project.municipalityCode = municipality.code;
        project.stage = create.stage() == null ? ProjectStage.TRIGGER : create.stage();
        project.createdBy = user.id();
        project.createdAt = OffsetDateTime.now();
        project.updatedAt = project.createdAt;
        List<ProjectPartner> partners = new ArrayList<>();
        List<UUID> defaultAreas = List.of();
        if (create.fromMatchId() != null) {
            Match match = Match.findById(create.fromMatchId());
            if (match == null || !match.municipalityCode.equals(code)) {
                throw Problems.invalidField("fromMatchId", Label.of("この自治体のマッチではありません",
                        "Not a match of this municipality"));
            }
            boolean needSide = isMember(match.needOrganizationId);
            if (!needSide && !isMember(match.haveOrganizationId) && !access.isStaff(code)) {
                throw Problems.forbidden(Label.of("マッチの当事者の団体の会員か自治体職員だけが協創の場にできます",
                        "Only members of either side of the match or staff may start a project from it"));
            }
            if (!match.status.isAgreed()) {
                throw Problems.conflict(Label.of("成立したマッチからだけ協創の場をつくれます",
                        "Only an accepted or fulfilled match can seed a project"));
            }
            if (Project.count("sourceMatchId = ?1 and deletedAt is null", match.id) > 0) {
                throw Problems.conflict(Label.of("このマッチからは既に協創の場がつくられています",
                        "A project was already started from this match"));
            }
            project.sourceMatchId = match.id;
            Listing need = Listing.findById(match.needId);
            Listing have = Listing.findById(match.haveId);
            boolean haveLeads = !needSide && isMember(match.haveOrganizationId);
            partners.add(partner(project.id, need, haveLeads ? PartnerRole.PARTNER : PartnerRole.LEAD, user.id()));
            partners.add(partner(project.id, have, haveLeads ? PartnerRole.LEAD : PartnerRole.PARTNER, user.id()));
            Set<UUID> listingAreas = new LinkedHashSet<>(List.of(need.areaIds));
            listingAreas.addAll(List.of(have.areaIds));
            defaultAreas = need.areaIds.length == 0 || have.areaIds.length == 0 ? List.of() : List.copyOf(listingAreas);
        } else {
            if (create.organizationId() == null) {
                throw Problems.invalidField("organizationId", Label.of("幹事団体か元になるマッチを指定してください",
                        "Name the lead organisation, or the match to start from"));
            }
            Organization lead = requireActiveOrganization(code, create.organizationId(), "organizationId");
            if (!isMember(lead.id) && !access.isStaff(code)) {
                throw Problems.forbidden(Label.of("幹事団体の会員か自治体職員だけが協創の場を登録できます",
                        "Only members of the lead organisation or staff may register a project"));
            }
            ProjectPartner p = newPartner(project.id, lead.id, PartnerRole.LEAD, blankToNull(create.contribution()),
                    new UUID[0], PartnerStatus.ACTIVE, user.id(), null);
            partners.add(p);
        }
        apply(project, new ProjectWrite(create.title(), create.summary(), create.vision(), create.issue(),
                create.domain(), create.forms(), create.areaIds() == null ? defaultAreas : create.areaIds(),
                create.startsOn(), create.endsOn(), create.published()));
        project.persist();
        em.flush();
        partners.forEach(p -> p.persist());
        ProjectStageChange.of(project.id, null, project.stage,
                project.sourceMatchId == null ? "協創の場を登録しました" : "成立したマッチから協創の場を立ち上げました",
                user.id()).persist();
        em.flush();
        audit.record(code, "project.create", "project", project.id, null, view(project));
        return project;
    }

    @Transactional
    public Project update(UUID id, String ifMatch, ProjectWrite write) {
        Project project = requireVisible(id);
        requireEditor(project);
        Etags.lockAndCheck(ifMatch, project, project.version);
        ProjectView before = view(project);
        apply(project, write);
        project.updatedAt = OffsetDateTime.now();
        project.persistAndFlush();
        audit.record(project.municipalityCode, "project.update", "project", project.id, before, view(project));
        return project;
    }

    @Transactional
    public void delete(UUID id, String ifMatch) {
        Project project = requireVisible(id);
        access.requireUser();
        boolean lead = isLeadMember(project);
        if (!lead && !access.isStaff(project.municipalityCode)) {
            throw Problems.forbidden(Label.of("幹事団体の会員か自治体職員だけが削除できます",
                    "Only members of the lead organisation or staff may delete a project"));
        }
        Etags.lockAndCheck(ifMatch, project, project.version);
        ProjectView before = view(project);
        project.markDeleted();
        audit.record(project.municipalityCode, "project.delete", "project", project.id, before, null);
    }

    @Transactional
    public Project changeStage(UUID id, StageChangeWrite change) {
        Project project = requireVisible(id);
        requireEditor(project);
        ProjectView before = view(project);
        ProjectStage from = project.moveTo(change.stage());
        project.persistAndFlush();
        ProjectStageChange.of(project.id, from, project.stage, change.note().strip(), access.requireUser().id()).persist();
        em.flush();
        audit.record(project.municipalityCode, "project.stage", "project", project.id, before, view(project));
        return project;
    }

    @Transactional
    public ProjectPartner invite(UUID id, PartnerInvite invite) {
        Project project = requireVisible(id);
        requireEditor(project);
        Person user = access.requireUser();
        if (invite.role() == PartnerRole.LEAD && !isLeadMember(project) && !access.isStaff(project.municipalityCode)) {
            throw Problems.forbidden(Label.of("幹事団体として招待できるのは幹事団体の会員と自治体職員だけです",
                    "Only members of the lead organisation or staff may invite another lead"));
        }
        Organization org = requireActiveOrganization(project.municipalityCode, invite.organizationId(), "organizationId");
        UUID[] listingIds = requireListingsOf(org.id, invite.listingIds());
        UUID inviterOrg = ProjectPartner.of(project.id).stream()
                .filter(p -> p.status == PartnerStatus.ACTIVE && isMember(p.organizationId))
                .map(p -> p.organizationId).findFirst().orElse(null);
        ProjectPartner partner = ProjectPartner.find("projectId = ?1 and organizationId = ?2", project.id, org.id)
                .firstResult();
        Object before = partner == null ? null : partnerView(partner, org);
        if (partner == null) {
            partner = newPartner(project.id, org.id, invite.role(), blankToNull(invite.contribution()), listingIds,
                    PartnerStatus.INVITED, user.id(), inviterOrg);
            partner.persist();
        } else {
            partner.invitedAgain(user.id(), inviterOrg);
            partner.role = invite.role();
            partner.contribution = blankToNull(invite.contribution());
            partner.listingIds = listingIds;
        }
        em.flush();
        audit.record(project.municipalityCode, "project.partner.invite", "project", project.id, before,
                partnerView(partner, org));
        String from = inviterOrg != null ? Organization.<Organization>findById(inviterOrg).name
                : municipalities.require(project.municipalityCode).name;
        notifications.tellMembers(org.id, new Notifications.Event(NotificationKind.PROJECT_INVITATION,
                project.municipalityCode, null, null, project.id, inviterOrg, project.title, null, from));
        return partner;
    }

    @Transactional
    public ProjectPartner respond(UUID id, UUID partnerId, boolean accept) {
        Project project = requireVisible(id);
        ProjectPartner partner = requirePartner(project, partnerId);
        access.requireUser();
        if (!isMember(partner.organizationId)) {
            throw Problems.forbidden(Label.of("招待された団体の会員だけが参加・辞退を決められます",
                    "Only members of the invited organisation may answer the invitation"));
        }
        Organization org = Organization.findById(partner.organizationId);
        PartnerView before = partnerView(partner, org);
        if (accept) {
            partner.accept();
        } else {
            partner.decline();
        }
        partner.persistAndFlush();
        audit.record(project.municipalityCode, accept ? "project.partner.accept" : "project.partner.decline", "project",
                project.id, before, partnerView(partner, org));
        if (partner.invitedByOrganizationId != null) {
            notifications.tellMembers(partner.invitedByOrganizationId, new Notifications.Event(
                    accept ? NotificationKind.PROJECT_INVITATION_ACCEPTED : NotificationKind.PROJECT_INVITATION_DECLINED,
                    project.municipalityCode, null, null, project.id, org.id, project.title, null, org.name));
        }
        return partner;
    }

    @Transactional
    public ProjectPartner updatePartner(UUID id, UUID partnerId, String ifMatch, PartnerWrite write) {
        Project project = requireVisible(id);
        ProjectPartner partner = requirePartner(project, partnerId);
        access.requireUser();
        boolean lead = isLeadMember(project);
        boolean staff = access.isStaff(project.municipalityCode);
        if (!isMember(partner.organizationId) && !lead && !staff) {
            throw Problems.forbidden(Label.of("その団体の会員、幹事団体の会員か自治体職員だけが変更できます",
                    "Only members of that organisation or of the lead, or staff, may change a partner"));
        }
        if (write.role() != partner.role && !lead && !staff) {
            // A partner describes its own contribution; making itself the lead would hand it the
            // lead's rights (deleting the project, changing the other partners).
            throw Problems.forbidden(Label.of("参加団体の役割を変えられるのは幹事団体の会員と自治体職員だけです",
                    "Only members of the lead organisation or staff may change a partner's role"));
        }
        Etags.lockAndCheck(ifMatch, partner, partner.version);
        Organization org = Organization.findById(partner.organizationId);
        PartnerView before = partnerView(partner, org);
        partner.listingIds = requireListingsOf(partner.organizationId, write.listingIds());
        partner.role = write.role();
        partner.contribution = blankToNull(write.contribution());
        partner.updatedAt = OffsetDateTime.now();
        partner.persistAndFlush();
        audit.record(project.municipalityCode, "project.partner.update", "project", project.id, before,
                partnerView(partner, org));
        return partner;
    }

    public Page<ProjectView> search(String code, Criteria criteria, PageParams paging) {
        municipalities.require(code);
        List<String> where = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        where.add("p.municipality_code = " + bind(params, code));
        where.add("p.deleted_at is null");
        if (!access.isStaff(code)) {
            List<UUID> mine = myOrganizations();
            where.add(mine.isEmpty() ? "p.published" : "(p.published or exists (select 1 from project_partner pp "
                    + "where pp.project_id = p.id and pp.organization_id = any(cast("
                    + bind(params, SqlArrays.literal(mine)) + " as uuid[]))))");
        }
        if (criteria.stage() != null) {
            where.add("p.stage = " + bind(params, criteria.stage().name()));
        }
        if (criteria.domain() != null) {
            where.add("p.domain = " + bind(params, criteria.domain().name()));
        }
        if (criteria.area() != null) {
            where.add("p.area_ids && cast(" + bind(params, SqlArrays.literal(areas.subtree(code, criteria.area())))
                    + " as uuid[])");
        }
        for (String term : JapaneseText.queryTerms(criteria.q())) {
            String[] grams = JapaneseText.bigrams(term);
            if (grams.length > 0) {
                where.add("p.search_grams @> cast(" + bind(params, SqlArrays.literal(Arrays.asList(grams))) + " as text[])");
            }
            where.add("strpos(p.search_text, " + bind(params, term) + ") > 0");
        }
        String from = " from project p where " + String.join(" and ", where);
        long total = ((Number) bindAll(em.createNativeQuery("select count(*)" + from), params).getSingleResult()).longValue();
        @SuppressWarnings("unchecked")
        List<UUID> ids = bindAll(em.createNativeQuery("select p.id" + from + " order by p.updated_at desc, p.id limit "
                + paging.size + " offset " + paging.offset(), UUID.class), params).getResultList();
        Map<UUID, Project> byId = ids.isEmpty() ? Map.of() : Project.<Project>list("id in ?1", ids).stream()
                .collect(Collectors.toMap(p -> p.id, Function.identity()));
        return Page.of(ids.stream().map(byId::get).map(this::view).toList(), paging, total);
    }

    public ProjectView view(Project project) {
        boolean insider = isPartnerMember(project, false) || access.isStaff(project.municipalityCode);
        List<ProjectPartner> partners = ProjectPartner.of(project.id).stream()
                .filter(p -> insider || p.status == PartnerStatus.ACTIVE).toList();
        Map<UUID, Organization> orgs = partners.isEmpty() ? Map.of() : Organization.<Organization>list("id in ?1",
                        partners.stream().map(p -> p.organizationId).collect(Collectors.toSet())).stream()
                .collect(Collectors.toMap(o -> o.id, Function.identity()));
        List<CollaborationForm> forms = Arrays.stream(project.forms).map(CollaborationForm::valueOf).toList();
        return new ProjectView(project.id, project.municipalityCode, project.title, project.summary, project.vision,
                project.issue, project.domain, language.label(project.domain), forms,
                forms.stream().map(language::label).toList(), project.stage, language.label(project.stage),
                List.of(project.areaIds), project.startsOn, project.endsOn, project.published, project.sourceMatchId,
                partners.stream().map(p -> partnerView(p, orgs.get(p.organizationId))).toList(),
                ProjectStageChange.of(project.id).stream().map(this::stageView).toList(),
                project.version, project.createdAt, project.updatedAt);
    }

    /** A partner as the API shows it, with its organisation's name. */
    public PartnerView partnerView(ProjectPartner p) {
        return partnerView(p, Organization.findById(p.organizationId));
    }

    public PartnerView partnerView(ProjectPartner p, Organization org) {
        return new PartnerView(p.id, p.organizationId, org == null ? null : org.name, p.role, language.label(p.role),
                p.contribution, List.of(p.listingIds), p.status, language.label(p.status), p.invitedAt,
                p.respondedAt, p.version);
    }

    private StageChangeView stageView(ProjectStageChange c) {
        return new StageChangeView(c.fromStage, language.label(c.fromStage), c.toStage, language.label(c.toStage),
                c.note, c.changedAt);
    }

    /** Members of an active partner, staff of the municipality and admins; else 401/403. */
    private void requireEditor(Project project) {
        access.requireUser();
        if (!isPartnerMember(project, true) && !access.isStaff(project.municipalityCode)) {
            throw Problems.forbidden(Label.of("参加団体の会員か自治体職員だけが行えます",
                    "Only members of partner organisations or staff of the municipality may do this"));
        }
    }

    /** Whether the caller belongs to an active lead organisation of the project. */
    private boolean isLeadMember(Project project) {
        return ProjectPartner.<ProjectPartner>list("projectId = ?1 and role = ?2 and status = ?3", project.id,
                PartnerRole.LEAD, PartnerStatus.ACTIVE).stream().anyMatch(p -> isMember(p.organizationId));
    }

    /** Whether the caller belongs to a partner (an active one, or any that was invited). */
    private boolean isPartnerMember(Project project, boolean activeOnly) {
        if (!currentUser.isAuthenticated()) {
            return false;
        }
        return ProjectPartner.of(project.id).stream()
                .filter(p -> !activeOnly || p.status == PartnerStatus.ACTIVE)
                .anyMatch(p -> isMember(p.organizationId));
    }

    private boolean isMember(UUID organizationId) {
        return memberships.roleIn(organizationId).isPresent();
    }

    private List<UUID> myOrganizations() {
        return currentUser.id().map(uid -> OrganizationMembership.<OrganizationMembership>list("id.userId", uid).stream()
                .map(m -> m.id.organizationId()).toList()).orElse(List.of());
    }

    private ProjectPartner requirePartner(Project project, UUID partnerId) {
        ProjectPartner partner = partnerId == null ? null : ProjectPartner.findById(partnerId);
        if (partner == null || !partner.projectId.equals(project.id)) {
            throw Problems.notFound(Label.of("参加団体が見つかりません", "No such partner"));
        }
        return partner;
    }

    private Organization requireActiveOrganization(String code, UUID id, String field) {
        Organization org = id == null ? null : Organization.findById(id);
        if (org == null || org.deletedAt != null || !org.municipalityCode.equals(code)) {
            throw Problems.invalidField(field, Label.of("この自治体の団体ではありません",
                    "Not an organisation of this municipality"));
        }
        if (!org.isActive()) {
            throw Problems.invalidField(field, Label.of("承認済みで公開中の団体を指定してください",
                    "The organisation must be active"));
        }
        return org;
    }

    private UUID[] requireListingsOf(UUID organizationId, List<UUID> ids) {
        if (ids == null || ids.isEmpty()) {
            return new UUID[0];
        }
        Set<UUID> distinct = new LinkedHashSet<>(ids);
        long found = Listing.count("id in ?1 and organizationId = ?2 and deletedAt is null", distinct, organizationId);
        if (found != distinct.size()) {
            throw Problems.invalidField("listingIds", Label.of("その団体の有る・無いではないものが含まれています",
                    "Contains a listing that is not that organisation's"));
        }
        return distinct.toArray(UUID[]::new);
    }

    private ProjectPartner partner(UUID projectId, Listing listing, PartnerRole role, UUID by) {
        String prefix = listing.kind == jp.kyoso.listing.ListingKind.HAVE ? "有る: " : "無い: ";
        return newPartner(projectId, listing.organizationId, role, prefix + listing.title, new UUID[]{listing.id},
                PartnerStatus.ACTIVE, by, null);
    }

    private static ProjectPartner newPartner(UUID projectId, UUID organizationId, PartnerRole role, String contribution,
                                             UUID[] listingIds, PartnerStatus status, UUID by, UUID byOrganization) {
        ProjectPartner p = new ProjectPartner();
        p.id = UUID.randomUUID();
        p.projectId = projectId;
        p.organizationId = organizationId;
        p.role = role;
        p.contribution = contribution;
        p.listingIds = listingIds;
        p.status = status;
        p.invitedBy = by;
        p.invitedByOrganizationId = byOrganization;
        p.invitedAt = OffsetDateTime.now();
        p.respondedAt = status == PartnerStatus.ACTIVE ? p.invitedAt : null;
        p.createdAt = p.invitedAt;
        p.updatedAt = p.invitedAt;
        return p;
    }

    private void apply(Project project, ProjectWrite write) {
        List<UUID> areaIds = write.areaIds() == null ? List.of() : List.copyOf(new LinkedHashSet<>(write.areaIds()));
        areas.requireAreasOf(project.municipalityCode, areaIds, "areaIds");
        LocalDate starts = write.startsOn();
        LocalDate ends = write.endsOn();
        if (starts != null && ends != null && ends.isBefore(starts)) {
            throw Problems.invalidField("endsOn", Label.of("終了日は開始日以降にしてください",
                    "The end date must not be before the start date"));
        }
        project.title = write.title().strip();
        project.summary = blankToNull(write.summary());
        project.vision = blankToNull(write.vision());
        project.issue = blankToNull(write.issue());
        project.domain = write.domain();
        project.forms = write.forms() == null ? new String[0]
                : write.forms().stream().distinct().map(Enum::name).toArray(String[]::new);
        project.areaIds = areaIds.toArray(UUID[]::new);
        project.startsOn = starts;
        project.endsOn = ends;
        project.published = Boolean.TRUE.equals(write.published());
        project.reindex();
    }


    private static String bind(List<Object> params, Object value) {
        params.add(value);
        return "?" + params.size();
    }

    private static Query bindAll(Query query, List<Object> params) {
        for (int i = 0; i < params.size(); i++) {
            query.setParameter(i + 1, params.get(i));
        }
        return query;
    }
}
