package jp.kyoso.area;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jp.kyoso.area.AreaDtos.AreaProfile;
import jp.kyoso.area.AreaDtos.AreaView;
import jp.kyoso.area.AreaDtos.AreaWrite;
import jp.kyoso.area.AreaDtos.LiaisonView;
import jp.kyoso.area.AreaDtos.LiaisonWrite;
import jp.kyoso.core.audit.AuditLog;
import jp.kyoso.core.i18n.Label;
import jp.kyoso.core.i18n.RequestLanguage;
import jp.kyoso.core.paging.Page;
import jp.kyoso.core.paging.PageParams;
import jp.kyoso.core.persistence.Changes;
import jp.kyoso.core.problem.Problems;
import jp.kyoso.core.security.Access;
import jp.kyoso.municipality.StaffMembership;
import jp.kyoso.core.security.People;
import jp.kyoso.core.security.Person;
import jp.kyoso.municipality.Municipalities;

import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** A municipality's area tree and its liaison officers. Staff of the municipality write. */
@ApplicationScoped
public class AreaService {

    @Inject Changes changes;
    @Inject People people;
    @Inject Municipalities municipalities;
    @Inject Access access;
    @Inject AuditLog audit;
    @Inject RequestLanguage language;
    @Inject EntityManager em;

    /** The whole tree in display order (depth first), paged. */
    public Page<AreaView> list(String code, PageParams paging) {
        municipalities.require(code);
        List<Area> areas = Area.ofMunicipality(code);
        Map<UUID, List<Area>> children = new HashMap<>();
        areas.forEach(a -> children.computeIfAbsent(a.parentId, k -> new ArrayList<>()).add(a));
        List<Map.Entry<Area, Integer>> ordered = new ArrayList<>();
        walk(children, null, 0, ordered);
        Page<Map.Entry<Area, Integer>> page = Page.slice(ordered, paging);
        Map<UUID, List<LiaisonView>> liaisons = liaisonsOf(page.items().stream().map(e -> e.getKey().id).toList());
        return page.map(e -> view(e.getKey(), e.getValue(), liaisons.getOrDefault(e.getKey().id, List.of())));
    }

    private static void walk(Map<UUID, List<Area>> children, UUID parent, int depth, List<Map.Entry<Area, Integer>> out) {
        for (Area a : children.getOrDefault(parent, List.of())) {
            out.add(Map.entry(a, depth));
            walk(children, a.id, depth + 1, out);
        }
    }

    public Area require(UUID id) {
        Area area = id == null ? null : Area.findById(id);
        if (area == null) {
            throw Problems.notFound(Label.of("地域が見つかりません", "No such area"));
        }
        return area;
    }

    public AreaView get(UUID id) {
        return view(require(id));
    }

    @Transactional
    public Area create(String code, AreaWrite write) {
        municipalities.require(code);
        access.requireStaff(code);
        Area area = new Area();
        area.id = UUID.randomUUID();
        area.municipalityCode = code;
        area.createdAt = OffsetDateTime.now();
        area.updatedAt = area.createdAt;
        apply(area, write);
        area.persistAndFlush();
        audit.record(code, "area.create", "area", area.id, null, view(area));
        return area;
    }

    @Transactional
    public Area update(UUID id, String ifMatch, AreaWrite write) {
        Area area = require(id);
        access.requireStaff(area.municipalityCode);
        return changes.update(area, ifMatch, audited(area, "area.update"), this::view, a -> apply(a, write));
    }

    @Transactional
    public void delete(UUID id, String ifMatch) {
        Area area = require(id);
        access.requireStaff(area.municipalityCode);
        changes.delete(area, ifMatch, audited(area, "area.delete"), this::view, a -> {
            if (Area.count("parentId", id) > 0) {
                throw Problems.conflict(Label.of("下位の地域がある地域は削除できません", "An area with sub-areas cannot be deleted"));
            }
            // Whatever still names the area keeps it: organisations, haves and needs, projects, plans.
            long used = ((Number) em.createNativeQuery("""
                            select (select count(*) from organization where ?1 = any(area_ids) and deleted_at is null)
                                 + (select count(*) from listing where ?1 = any(area_ids) and deleted_at is null)
                                 + (select count(*) from project where ?1 = any(area_ids) and deleted_at is null)
                                 + (select count(*) from plan where area_id = ?1)""")
                    .setParameter(1, id).getSingleResult()).longValue();
            if (used > 0) {
                throw Problems.conflict(Label.of(
                        "この地域を使っている団体・有る無い・協創の場・計画があるため削除できません",
                        "Organisations, listings, projects or plans use this area; it cannot be deleted"));
            }
            a.delete();
        });
    }

    private static Changes.Audited audited(Area area, String action) {
        return new Changes.Audited(area.municipalityCode, action, "area", area.id);
    }

    @Transactional
    public LiaisonView assignLiaison(UUID areaId, LiaisonWrite write) {
        Area area = require(areaId);
        access.requireStaff(area.municipalityCode);
        if (StaffMembership.findById(new StaffMembership.Key(area.municipalityCode, write.userId())) == null) {
            throw Problems.invalidField("userId", Label.of("この自治体の職員ではありません",
                    "Not a staff member of this municipality"));
        }
        if (write.endsOn() != null && write.endsOn().isBefore(write.startsOn())) {
            throw Problems.invalidField("endsOn", Label.of("終了日は開始日以降にしてください",
                    "The end date must not be before the start date"));
        }
        LiaisonAssignment l = new LiaisonAssignment();
        l.id = UUID.randomUUID();
        l.areaId = areaId;
        l.userId = write.userId();
        l.role = write.role();
        l.startsOn = write.startsOn();
        l.endsOn = write.endsOn();
        l.createdAt = OffsetDateTime.now();
        l.persist();
        LiaisonView view = liaisonView(l, people.find(l.userId).orElse(null));
        audit.record(area.municipalityCode, "liaison.assign", "liaison", l.id, null, view);
        return view;
    }

    @Transactional
    public void removeLiaison(UUID areaId, UUID liaisonId) {
        Area area = require(areaId);
        access.requireStaff(area.municipalityCode);
        LiaisonAssignment l = LiaisonAssignment.findById(liaisonId);
        if (l == null || !l.areaId.equals(areaId)) {
            throw Problems.notFound(Label.of("担当の割り当てが見つかりません", "No such liaison assignment"));
        }
        audit.record(area.municipalityCode, "liaison.remove", "liaison", l.id,
                liaisonView(l, people.find(l.userId).orElse(null)), null);
        l.delete();
    }

    /** The area and all areas below it: an area filter matches its sub-areas too. */
    @SuppressWarnings("unchecked")
    public List<UUID> subtree(String code, UUID areaId) {
        Area root = Area.findById(areaId);
        if (root == null || !root.municipalityCode.equals(code)) {
            throw Problems.invalidField("area", Label.of("この自治体の地域ではありません", "Not an area of this municipality"));
        }
        return em.createNativeQuery("""
                        with recursive sub(id) as (
                            select id from area where id = ?1
                            union all
                            select a.id from area a join sub on a.parent_id = sub.id)
                        select id from sub""")
                .setParameter(1, areaId).getResultList();
    }

    /** Fails with 400 on {@code field} unless every id is an area of the municipality. */
    public void requireAreasOf(String code, Collection<UUID> ids, String field) {
        if (ids == null || ids.isEmpty()) {
            return;
        }
        Set<UUID> distinct = new HashSet<>(ids);
        long found = Area.count("municipalityCode = ?1 and id in ?2", code, distinct);
        if (found != distinct.size()) {
            throw Problems.invalidField(field, Label.of("この自治体の地域ではないものが含まれています",
                    "Contains an id that is not an area of this municipality"));
        }
    }

    private void apply(Area area, AreaWrite write) {
        if (write.parentId() != null) {
            Area parent = Area.findById(write.parentId());
            if (parent == null || !parent.municipalityCode.equals(area.municipalityCode)) {
                throw Problems.invalidField("parentId", Label.of("親の地域がこの自治体にありません",
                        "The parent is not an area of this municipality"));
            }
            // Walk up from the new parent: meeting the area itself would make a cycle.
            for (Area a = parent; a != null; a = a.parentId == null ? null : Area.findById(a.parentId)) {
                if (a.id.equals(area.id)) {
                    throw Problems.invalidField("parentId", Label.of("地域を自分自身やその下位の地域の下へは移せません",
                            "An area cannot be moved under itself or one of its sub-areas"));
                }
            }
        }
        area.parentId = write.parentId();
        area.kind = write.kind();
        area.name = write.name().strip();
        area.nameKana = write.nameKana();
        area.population = write.population();
        // Stored as numeric(5, 1): round as PostgreSQL does, so the audit log records what is stored.
        area.aged65Share = write.aged65Share() == null ? null : write.aged65Share().setScale(1, RoundingMode.HALF_UP);
        area.households = write.households();
        area.profileAsOf = write.profileAsOf();
        area.sortOrder = write.sortOrder() == null ? 0 : write.sortOrder();
    }

    private AreaView view(Area area) {
        int depth = 0;
        for (UUID p = area.parentId; p != null; p = Area.<Area>findById(p).parentId) {
            depth++;
        }
        return view(area, depth, liaisonsOf(List.of(area.id)).getOrDefault(area.id, List.of()));
    }

    private AreaView view(Area a, int depth, List<LiaisonView> liaisons) {
        return new AreaView(a.id, a.municipalityCode, a.parentId, depth, a.kind, language.label(a.kind), a.name,
                a.nameKana, new AreaProfile(a.population, a.aged65Share, a.households, a.profileAsOf),
                a.sortOrder, liaisons, a.version, a.createdAt, a.updatedAt);
    }

    private Map<UUID, List<LiaisonView>> liaisonsOf(List<UUID> areaIds) {
        if (areaIds.isEmpty()) {
            return Map.of();
        }
        List<LiaisonAssignment> all = LiaisonAssignment.list("areaId in ?1 order by startsOn", areaIds);
        Map<UUID, Person> users = all.isEmpty() ? Map.of() : people.find(all.stream().map(l -> l.userId).collect(Collectors.toSet()));
        return all.stream().collect(Collectors.groupingBy(l -> l.areaId,
                Collectors.mapping(l -> liaisonView(l, users.get(l.userId)), Collectors.toList())));
    }

    private LiaisonView liaisonView(LiaisonAssignment l, Person user) {
        return new LiaisonView(l.id, l.userId, user == null ? null : user.displayName(), l.role,
                language.label(l.role), l.startsOn, l.endsOn);
    }
}
