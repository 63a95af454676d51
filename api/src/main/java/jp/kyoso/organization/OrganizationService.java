package jp.kyoso.organization;

import jp.kyoso.core.persistence.Changes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jp.kyoso.area.AreaService;
import jp.kyoso.core.audit.AuditLog;
import jp.kyoso.core.i18n.Label;
import jp.kyoso.core.i18n.RequestLanguage;
import jp.kyoso.core.problem.Problems;
import jp.kyoso.core.security.Access;
import jp.kyoso.core.security.CurrentUser;
import jp.kyoso.core.security.Person;
import jp.kyoso.municipality.Municipalities;
import jp.kyoso.organization.OrganizationDtos.Contact;
import jp.kyoso.organization.OrganizationDtos.ContactPublication;
import jp.kyoso.organization.OrganizationDtos.OrganizationView;
import jp.kyoso.organization.OrganizationDtos.OrganizationWrite;
import jp.kyoso.theme.Theme;

import static jp.kyoso.core.text.Texts.blankToNull;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Organisations: anyone signed in may register one (it waits for staff approval); owners,
 * editors and staff of the municipality edit; owners and staff delete (softly, history kept).
 * The public sees ACTIVE organisations only, and of their contact details only the fields the
 * organisation chose to publish (each field is opt-in; the default is a message through the
 * platform). Members, staff of the municipality and admins see every contact field; the other
 * side of an accepted match sees them through the match (both sides agreed to share).
 */
@ApplicationScoped
public class OrganizationService {

    @Inject Changes changes;
    @Inject Municipalities municipalities;
    @Inject AreaService areas;
    @Inject Access access;
    @Inject CurrentUser currentUser;
    @Inject MyMemberships myMemberships;
    @Inject AuditLog audit;
    @Inject RequestLanguage language;

    /** The organisation if the caller may see it: ACTIVE ones for everyone, others for members and staff. */
    public Organization requireVisible(UUID id) {
        Organization org = id == null ? null : Organization.findById(id);
        if (org == null || org.deletedAt != null || (!org.isActive() && !isInsider(org))) {
            throw Problems.notFound(Label.of("団体が見つかりません", "No such organisation"));
        }
        return org;
    }

    @Transactional
    public Organization create(String code, OrganizationWrite write) {
        municipalities.require(code);
        Person creator = access.requireUser();
        Organization org = new Organization();
        org.id = UUID.randomUUID();
        org.municipalityCode = code;
        org.status = OrganizationStatus.PENDING;
        org.createdBy = creator.id();
        org.createdAt = OffsetDateTime.now();
        org.updatedAt = org.createdAt;
        apply(org, write);
        org.persistAndFlush();
        OrganizationMembership.of(org.id, creator.id(), MemberRole.OWNER).persist();
        myMemberships.refresh();
        audit.record(code, "organization.create", "organization", org.id, null, view(org));
        return org;
    }

    @Transactional
    public Organization update(UUID id, String ifMatch, OrganizationWrite write) {
        Organization org = requireVisible(id);
        requireEditor(org);
        return changes.update(org, ifMatch, audited(org, "organization.update"), this::view, o -> apply(o, write));
    }

    @Transactional
    public void delete(UUID id, String ifMatch) {
        Organization org = requireVisible(id);
        if (!isOwner(org) && !access.isStaff(org.municipalityCode)) {
            access.requireUser();
            throw Problems.forbidden(Label.of("団体の代表者か自治体職員だけが削除できます",
                    "Only owners and staff of the municipality may delete an organisation"));
        }
        changes.delete(org, ifMatch, audited(org, "organization.delete"), this::view, Organization::markDeleted);
    }

    private static Changes.Audited audited(Organization org, String action) {
        return new Changes.Audited(org.municipalityCode, action, "organization", org.id);
    }

    public enum StatusChange { APPROVE, SUSPEND, REINSTATE }

    @Transactional
    public Organization changeStatus(UUID id, StatusChange change) {
        Organization org = requireVisible(id);
        access.requireStaff(org.municipalityCode);
        OrganizationView before = view(org);
        switch (change) {
            case APPROVE -> org.approve();
            case SUSPEND -> org.suspend();
            case REINSTATE -> org.reinstate();
        }
        org.persistAndFlush();
        audit.record(org.municipalityCode, "organization." + change.name().toLowerCase(), "organization", org.id,
                before, view(org));
        return org;
    }

    /** Owner or editor of the organisation, staff of its municipality, or admin; else 401/403. */
    public void requireEditor(Organization org) {
        access.requireUser();
        if (role(org).isEmpty() && !access.isStaff(org.municipalityCode)) {
            throw Problems.forbidden(Label.of("この団体の代表者・編集者か自治体職員だけが編集できます",
                    "Only members of this organisation or staff of the municipality may edit it"));
        }
    }

    public void requireOwner(Organization org) {
        access.requireUser();
        if (!isOwner(org) && !access.isStaff(org.municipalityCode)) {
            throw Problems.forbidden(Label.of("この団体の代表者だけが行えます",
                    "Only owners of this organisation may do this"));
        }
    }

    public Optional<MemberRole> role(Organization org) {
        return myMemberships.roleIn(org.id);
    }

    private boolean isOwner(Organization org) {
        return role(org).filter(r -> r == MemberRole.OWNER).isPresent();
    }

    /** Members, staff of the municipality and admins: who may see contact details and non-public states. */
    public boolean isInsider(Organization org) {
        return currentUser.isAuthenticated() && (role(org).isPresent() || access.isStaff(org.municipalityCode));
    }

    private void apply(Organization org, OrganizationWrite write) {
        List<UUID> areaIds = write.areaIds() == null ? List.of() : List.copyOf(new LinkedHashSet<>(write.areaIds()));
        areas.requireAreasOf(org.municipalityCode, areaIds, "areaIds");
        org.type = write.type();
        org.bond = write.bond();
        org.name = write.name().strip();
        org.nameKana = blankToNull(write.nameKana());
        org.description = blankToNull(write.description());
        org.website = blankToNull(write.website());
        org.themes = write.themes() == null ? new String[0]
                : write.themes().stream().distinct().map(Theme::name).toArray(String[]::new);
        org.areaIds = areaIds.toArray(UUID[]::new);
        Contact contact = write.contact();
        org.contactName = contact == null ? null : blankToNull(contact.name());
        org.contactEmail = contact == null ? null : blankToNull(contact.email());
        org.contactPhone = contact == null ? null : blankToNull(contact.phone());
        ContactPublication published = write.contactPublished() == null ? ContactPublication.NONE
                : write.contactPublished();
        org.contactNamePublic = published.name();
        org.contactEmailPublic = published.email();
        org.contactPhonePublic = published.phone();
        org.reindex();
    }

    /** Every contact field for insiders, the published ones for everyone else; null when none is left. */
    public static Contact contactFor(Organization org, boolean insider) {
        Contact contact = insider ? new Contact(org.contactName, org.contactEmail, org.contactPhone)
                : new Contact(org.contactNamePublic ? org.contactName : null,
                        org.contactEmailPublic ? org.contactEmail : null,
                        org.contactPhonePublic ? org.contactPhone : null);
        return contact.name() == null && contact.email() == null && contact.phone() == null ? null : contact;
    }

    public OrganizationView view(Organization org) {
        Contact contact = contactFor(org, isInsider(org));
        return new OrganizationView(org.id, org.municipalityCode, org.type, language.label(org.type), org.bond,
                language.label(org.bond), org.name, org.nameKana, org.description,
                Arrays.stream(org.themes).map(Theme::valueOf).toList(), List.of(org.areaIds), org.website,
                org.status, language.label(org.status), contact,
                new ContactPublication(org.contactNamePublic, org.contactEmailPublic, org.contactPhonePublic), role(org).orElse(null), org.version,
                org.createdAt, org.updatedAt);
    }
}
