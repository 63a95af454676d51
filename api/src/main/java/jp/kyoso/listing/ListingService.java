package jp.kyoso.listing;

import jp.kyoso.core.persistence.ByIds;
import jp.kyoso.core.persistence.Changes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jp.kyoso.area.AreaService;
import jp.kyoso.core.audit.AuditLog;
import jp.kyoso.core.i18n.Label;
import jp.kyoso.core.integration.DomainEvents;
import jp.kyoso.core.i18n.RequestLanguage;
import jp.kyoso.core.paging.Page;
import jp.kyoso.core.paging.PageParams;
import jp.kyoso.core.problem.Problems;
import jp.kyoso.core.security.Access;
import jp.kyoso.listing.ListingDtos.ListingView;
import jp.kyoso.listing.ListingDtos.ListingWrite;
import jp.kyoso.organization.Organization;
import jp.kyoso.organization.OrganizationDtos.Contact;
import jp.kyoso.organization.OrganizationService;
import jp.kyoso.organization.OrganizationStatus;
import jp.kyoso.theme.Theme;

import static jp.kyoso.core.text.Texts.blankToNull;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Haves and needs. Members of the owning organisation and staff of the municipality write;
 * everyone reads OPEN listings of ACTIVE organisations, without contact details. Members,
 * staff, and the other side of an accepted match also see the contact.
 */
@ApplicationScoped
public class ListingService {

    @Inject Changes changes;
    @Inject OrganizationService organizations;
    @Inject AreaService areas;
    @Inject Access access;
    @Inject AuditLog audit;
    @Inject RequestLanguage language;
    @Inject ListingMatches matches;
    @Inject ListingKeywords keywords;
    @Inject Event<ListingChanged> changed;
    @Inject DomainEvents domainEvents;

    /** The listing if the caller may see it; 404 otherwise. */
    public Listing requireVisible(UUID id) {
        Listing listing = id == null ? null : Listing.findById(id);
        if (listing == null || listing.deletedAt != null || !canSee(listing, organizationOf(listing))) {
            throw Problems.notFound(Label.of("有る・無いが見つかりません", "No such listing"));
        }
        return listing;
    }

    public Organization organizationOf(Listing listing) {
        return Organization.findById(listing.organizationId);
    }

    /** Public: OPEN and of an ACTIVE organisation. */
    public boolean isPublic(Listing listing, Organization org) {
        return listing.deletedAt == null && org.isActive() && listing.isOpen();
    }

    /** Whether the caller may see this listing at all. */
    public boolean isVisible(Listing listing) {
        return listing != null && listing.deletedAt == null && canSee(listing, organizationOf(listing));
    }

    private boolean canSee(Listing listing, Organization org) {
        if (org == null || org.deletedAt != null) {
            return false;
        }
        return isPublic(listing, org) || organizations.isInsider(org) || matches.isParty(listing.id, false);
    }

    private boolean contactVisible(Listing listing, Organization org) {
        return organizations.isInsider(org) || matches.isParty(listing.id, true);
    }

    @Transactional
    public Listing create(UUID organizationId, ListingWrite write) {
        Organization org = organizations.requireVisible(organizationId);
        organizations.requireEditor(org);
        if (org.status == OrganizationStatus.SUSPENDED) {
            throw Problems.conflict(Label.of("停止中の団体は有る・無いを登録できません",
                    "A suspended organisation cannot post listings"));
        }
        Listing listing = new Listing();
        listing.id = UUID.randomUUID();
        listing.municipalityCode = org.municipalityCode;
        listing.organizationId = org.id;
        listing.kind = write.kind();
        listing.status = ListingStatus.OPEN;
        listing.createdBy = access.requireUser().id();
        listing.createdAt = OffsetDateTime.now();
        listing.updatedAt = listing.createdAt;
        apply(listing, write);
        listing.persistAndFlush();
        audit.record(listing.municipalityCode, "listing.create", "listing", listing.id, null, view(listing, org));
        changed.fire(new ListingChanged(listing.id, true));
        announce("listing.created", listing, org, isPublic(listing, org));
        return listing;
    }

    @Transactional
    public Listing update(UUID id, String ifMatch, ListingWrite write) {
        Listing listing = requireVisible(id);
        Organization org = organizationOf(listing);
        organizations.requireEditor(org);
        if (write.kind() != listing.kind) {
            throw Problems.invalidField("kind", Label.of("有る・無いの種別は登録後に変えられません",
                    "The kind cannot be changed once created"));
        }
        changes.update(listing, ifMatch, audited(listing, "listing.update"), l -> view(l, org), l -> {
            apply(l, write);
            l.settleQuantity();
        });
        changed.fire(new ListingChanged(listing.id, false));
        announce("listing.updated", listing, org, isPublic(listing, org));
        return listing;
    }

    public enum StatusChange { CLOSE, REOPEN }

    @Transactional
    public Listing changeStatus(UUID id, StatusChange change) {
        Listing listing = requireVisible(id);
        Organization org = organizationOf(listing);
        organizations.requireEditor(org);
        ListingView before = view(listing, org);
        boolean wasPublic = isPublic(listing, org);
        switch (change) {
            case CLOSE -> listing.close();
            case REOPEN -> listing.reopen(JapanDate.today());
        }
        listing.persistAndFlush();
        audit.record(listing.municipalityCode, "listing." + change.name().toLowerCase(), "listing", listing.id,
                before, view(listing, org));
        if (change == StatusChange.REOPEN) {
            changed.fire(new ListingChanged(listing.id, false));
        }
        announce(change == StatusChange.CLOSE ? "listing.closed" : "listing.updated", listing, org,
                wasPublic || isPublic(listing, org));
        return listing;
    }

    @Transactional
    public void delete(UUID id, String ifMatch) {
        Listing listing = requireVisible(id);
        Organization org = organizationOf(listing);
        organizations.requireEditor(org);
        changes.delete(listing, ifMatch, audited(listing, "listing.delete"), l -> view(l, org), l -> {
            if (matches.hasLiveMatches(l.id)) {
                throw Problems.conflict(Label.of(
                        "提案中または成立したマッチがあるため削除できません。先にマッチを辞退・取り下げるか、終了にしてください",
                        "It has proposed or accepted matches; resolve them or close the listing instead"));
            }
            l.markDeleted();
            matches.forgetSuggestions(l.id);
        });
    }

    /** Tells integrations (webhooks); who heard of it while it was public hears of its closing too. */
    private void announce(String type, Listing l, Organization org, boolean audiencePublic) {
        domainEvents.emit(type, l.municipalityCode, audiencePublic, List.of(org.id), Map.of("id", l.id,
                "organizationId", org.id, "kind", l.kind.name(), "status", l.status.name(), "title", l.title));
    }

    private static Changes.Audited audited(Listing listing, String action) {
        return new Changes.Audited(listing.municipalityCode, action, "listing", listing.id);
    }

    /** An organisation's listings: all of them for members and staff, OPEN ones for everyone else. */
    public Page<ListingView> ofOrganization(UUID organizationId, ListingKind kind, ListingStatus status,
                                           PageParams paging) {
        Organization org = organizations.requireVisible(organizationId);
        boolean insider = organizations.isInsider(org);
        if (status != null && status != ListingStatus.OPEN && !insider) {
            access.requireUser();
            throw Problems.forbidden(Label.of("募集中以外の有る・無いは団体の会員と自治体職員だけが見られます",
                    "Only members and staff see listings that are not open"));
        }
        List<Listing> all = Listing.list("organizationId = ?1 and deletedAt is null order by createdAt desc, id",
                organizationId);
        LocalDate today = JapanDate.today();
        List<Listing> shown = all.stream()
                .filter(l -> kind == null || l.kind == kind)
                .filter(l -> status == null ? insider || l.statusOn(today) == ListingStatus.OPEN
                        : l.statusOn(today) == status)
                .toList();
        return Page.slice(shown, paging).map(l -> view(l, org));
    }

    private void apply(Listing listing, ListingWrite write) {
        List<UUID> areaIds = write.areaIds() == null ? List.of() : List.copyOf(new LinkedHashSet<>(write.areaIds()));
        areas.requireAreasOf(listing.municipalityCode, areaIds, "areaIds");
        if (write.availableFrom() != null && write.availableUntil() != null
                && write.availableUntil().isBefore(write.availableFrom())) {
            throw Problems.invalidField("availableUntil", Label.of("終了日は開始日以降にしてください",
                    "The end date must not be before the start date"));
        }
        if (write.quantity() != null && write.quantity() < listing.quantityMatched) {
            throw Problems.invalidField("quantity", Label.of(
                    "成立したマッチで既に " + listing.quantityMatched + " が使われています。それ以上にしてください",
                    "Accepted matches already took " + listing.quantityMatched + "; the quantity cannot be less"));
        }
        if (write.quantity() == null && listing.quantityMatched > 0) {
            throw Problems.invalidField("quantity", Label.of("成立したマッチがあるため数量は省略できません",
                    "Accepted matches took part of the quantity; it cannot be removed"));
        }
        listing.category = write.category();
        listing.title = write.title().strip();
        listing.description = blankToNull(write.description());
        listing.themes = write.themes() == null ? new String[0]
                : write.themes().stream().distinct().map(Theme::name).toArray(String[]::new);
        listing.areaIds = areaIds.toArray(UUID[]::new);
        listing.quantity = write.quantity();
        listing.unit = blankToNull(write.unit());
        listing.availableFrom = write.availableFrom();
        listing.availableUntil = write.availableUntil();
        Contact contact = write.contact();
        listing.contactName = contact == null ? null : blankToNull(contact.name());
        listing.contactEmail = contact == null ? null : blankToNull(contact.email());
        listing.contactPhone = contact == null ? null : blankToNull(contact.phone());
        listing.reindex(keywords);
    }

    public ListingView view(Listing listing) {
        return view(listing, organizationOf(listing));
    }

    public ListingView view(Listing listing, Organization org) {
        return view(listing, org, contactVisible(listing, org));
    }

    /** Views of many listings with their organisations read at once. */
    public List<ListingView> views(Collection<Listing> listings, boolean withContacts) {
        if (listings.isEmpty()) {
            return List.of();
        }
        Map<UUID, Organization> orgs = ByIds.load(Organization.class,
                listings.stream().map(l -> l.organizationId).toList());
        Set<UUID> party = withContacts ? matches.partyTo(listings.stream().map(l -> l.id).toList(), true) : Set.of();
        return listings.stream().map(l -> {
            Organization org = orgs.get(l.organizationId);
            return view(l, org, withContacts && (organizations.isInsider(org) || party.contains(l.id)));
        }).toList();
    }

    /** The public face of a listing: never with contact details (used for suggestions). */
    public ListingView publicView(Listing listing, Organization org) {
        return view(listing, org, false);
    }

    /** Who to contact about a listing: its own contact, else its organisation's; null when neither has one. */
    public Contact contactOf(Listing l, Organization org) {
        if (l.contactName != null || l.contactEmail != null || l.contactPhone != null) {
            return new Contact(l.contactName, l.contactEmail, l.contactPhone);
        }
        if (org != null && (org.contactName != null || org.contactEmail != null || org.contactPhone != null)) {
            return new Contact(org.contactName, org.contactEmail, org.contactPhone);
        }
        return null;
    }

    private ListingView view(Listing l, Organization org, boolean withContact) {
        ListingStatus status = l.currentStatus();
        Contact contact = withContact ? contactOf(l, org) : null;
        return new ListingView(l.id, l.municipalityCode, l.organizationId, org == null ? null : org.name, l.kind,
                language.label(l.kind), l.category, language.label(l.category), l.title, l.description,
                Arrays.stream(l.themes).map(Theme::valueOf).toList(), List.of(l.areaIds), l.areaIds.length == 0,
                l.quantity, l.remaining(), l.unit, l.availableFrom, l.availableUntil, status, language.label(status),
                contact, l.version, l.createdAt, l.updatedAt);
    }
}
