package jp.kyoso.matching;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A municipality's area tree as matching needs it: parents and names. Each area's lineage is
 * worked out once, when the tree is built, because scoring asks for it per counterpart.
 */
public final class AreaTree {

    public record Node(UUID id, UUID parentId, String name) {
    }

    private final Map<UUID, Node> nodes;
    private final Map<UUID, List<UUID>> lineages;

    public AreaTree(Map<UUID, Node> nodes) {
        this.nodes = Collections.unmodifiableMap(nodes);
        Map<UUID, List<UUID>> byId = new HashMap<>(nodes.size() * 2);
        for (UUID id : nodes.keySet()) {
            byId.put(id, walk(id));
        }
        this.lineages = byId;
    }

    public String name(UUID id) {
        Node node = nodes.get(id);
        return node == null ? "?" : node.name();
    }

    /** The area and every area above it, nearest first. */
    public List<UUID> lineage(UUID id) {
        List<UUID> lineage = lineages.get(id);
        return lineage != null ? lineage : List.of(id);
    }

    private List<UUID> walk(UUID id) {
        List<UUID> out = new ArrayList<>();
        for (Node n = nodes.get(id); n != null && out.size() < 32; n = n.parentId() == null ? null : nodes.get(n.parentId())) {
            out.add(n.id());
        }
        return List.copyOf(out);
    }

    /** True when {@code ancestor} is {@code id} itself or lies above it. */
    public boolean isWithin(UUID id, UUID ancestor) {
        return lineage(id).contains(ancestor);
    }

    public UUID root(UUID id) {
        List<UUID> lineage = lineage(id);
        return lineage.get(lineage.size() - 1);
    }

    /** The areas related to these for candidate preselection: every area of their districts. */
    public List<UUID> neighbourhood(List<UUID> ids) {
        List<UUID> roots = ids.stream().map(this::root).distinct().toList();
        List<UUID> out = new ArrayList<>();
        for (Node n : nodes.values()) {
            if (roots.contains(root(n.id()))) {
                out.add(n.id());
            }
        }
        for (UUID id : ids) {
            if (!out.contains(id)) {
                out.add(id);
            }
        }
        out.sort(null);
        return out;
    }
}
