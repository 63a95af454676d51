package jp.kyoso.plan;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A plan's item tree with its statuses, in memory and in tree order (depth first, siblings by
 * position). Built alike from the working copy and from a published snapshot, so progress,
 * views, CSV and diffs are computed the same way for both.
 */
public final class PlanTree {

    /** An item as stored: {@code sortOrder} is its position among its siblings. */
    public record Item(UUID id, UUID parentId, String code, String title, String description, int sortOrder) {
    }

    public record Status(UUID itemId, int fiscalYear, ItemStatus status) {
    }

    /** An item in tree order: its depth (0 at the top), position among siblings and whether it is a leaf. */
    public record Node(Item item, int depth, int position, boolean leaf) {

        public UUID id() {
            return item.id();
        }

        public UUID parentId() {
            return item.parentId();
        }
    }

    private final List<Node> nodes = new ArrayList<>();
    private final Map<UUID, Node> byId = new HashMap<>();
    private final Map<UUID, List<Node>> children = new HashMap<>();
    private final Map<UUID, TreeMap<Integer, ItemStatus>> statuses = new HashMap<>();

    private PlanTree() {
    }

    public static PlanTree of(Collection<Item> items, Collection<Status> statuses) {
        PlanTree tree = new PlanTree();
        Map<UUID, List<Item>> byParent = new HashMap<>();
        Map<UUID, Item> known = new HashMap<>();
        items.forEach(i -> known.put(i.id(), i));
        for (Item i : items) {
            // An item whose parent is unknown is shown at the top rather than lost.
            UUID parent = i.parentId() != null && known.containsKey(i.parentId()) ? i.parentId() : null;
            byParent.computeIfAbsent(parent, k -> new ArrayList<>()).add(i);
        }
        Comparator<Item> order = Comparator.comparingInt(Item::sortOrder).thenComparing(Item::code);
        byParent.values().forEach(list -> list.sort(order));
        tree.walk(byParent, null, 0);
        for (Status s : statuses) {
            // Only leaves carry statuses; one left on an item that has since got children is ignored.
            Node node = tree.byId.get(s.itemId());
            if (node != null && node.leaf() && s.status() != null) {
                tree.statuses.computeIfAbsent(s.itemId(), k -> new TreeMap<>()).put(s.fiscalYear(), s.status());
            }
        }
        return tree;
    }

    private void walk(Map<UUID, List<Item>> byParent, UUID parent, int depth) {
        List<Item> items = byParent.getOrDefault(parent, List.of());
        for (int position = 0; position < items.size(); position++) {
            Item item = items.get(position);
            Node node = new Node(item, depth, position, !byParent.containsKey(item.id()));
            nodes.add(node);
            byId.put(item.id(), node);
            children.computeIfAbsent(parent, k -> new ArrayList<>()).add(node);
            walk(byParent, item.id(), depth + 1);
        }
    }

    /** Every item, in tree order. */
    public List<Node> nodes() {
        return nodes;
    }

    public List<Node> leaves() {
        return nodes.stream().filter(Node::leaf).toList();
    }

    public Optional<Node> node(UUID id) {
        return Optional.ofNullable(id == null ? null : byId.get(id));
    }

    public Optional<Node> byCode(String code) {
        return nodes.stream().filter(n -> n.item().code().equals(code)).findFirst();
    }

    /** The children of an item (of the top level for null), in order. */
    public List<Node> children(UUID parentId) {
        return children.getOrDefault(parentId, List.of());
    }

    public boolean isEmpty() {
        return nodes.isEmpty();
    }

    public int size() {
        return nodes.size();
    }

    /** The recorded status of an item in a fiscal year, or null. */
    public ItemStatus status(UUID itemId, int fiscalYear) {
        TreeMap<Integer, ItemStatus> years = statuses.get(itemId);
        return years == null ? null : years.get(fiscalYear);
    }

    /** The recorded statuses of an item by fiscal year. */
    public Map<Integer, ItemStatus> statusesOf(UUID itemId) {
        return statuses.getOrDefault(itemId, new TreeMap<>());
    }

    public boolean hasStatuses(UUID itemId) {
        return statuses.containsKey(itemId);
    }

    /** Every recorded status, in tree order and then by fiscal year. */
    public List<Status> statuses() {
        List<Status> all = new ArrayList<>();
        for (Node n : nodes) {
            statusesOf(n.id()).forEach((fy, s) -> all.add(new Status(n.id(), fy, s)));
        }
        return all;
    }

    /** The items in tree order with their positions as sort orders, as a snapshot keeps them. */
    public List<Item> items() {
        return nodes.stream().map(n -> new Item(n.id(), n.parentId(), n.item().code(), n.item().title(),
                n.item().description(), n.position())).toList();
    }

    /** The ids of an item's ancestors, nearest first. */
    public List<UUID> ancestors(UUID id) {
        List<UUID> up = new ArrayList<>();
        Node n = byId.get(id);
        while (n != null && n.parentId() != null && byId.containsKey(n.parentId())) {
            up.add(n.parentId());
            n = byId.get(n.parentId());
        }
        return up;
    }

    /** Statuses keyed by item and year, for comparing two trees. */
    Map<String, ItemStatus> statusMap() {
        Map<String, ItemStatus> map = new LinkedHashMap<>();
        statuses().forEach(s -> map.put(s.itemId() + "/" + s.fiscalYear(), s.status()));
        return map;
    }
}
