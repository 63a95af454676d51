package jp.kyoso.docs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Renders {@code docs/permissions.md} from {@code api/src/test/resources/authorization-matrix.csv}:
 * one table per resource group with the expected status for each kind of caller, a legend of the
 * callers and statuses, and the matrix's own header comments. {@link PermissionsPageTest} fails
 * when the committed page differs from what this renders.
 *
 * <p>No dependencies, so it also runs as a single-file program. From the repository root:
 * {@code java api/src/test/java/jp/kyoso/docs/PermissionsPage.java} writes {@code docs/permissions.md}.
 */
public final class PermissionsPage {

    public static final String MATRIX = "api/src/test/resources/authorization-matrix.csv";
    public static final String PAGE = "docs/permissions.md";
    private static final String PREFIX = "/api/v1";

    /** The matrix's caller columns, in a sentence each (the matrix header has the full rules). */
    private static final Map<String, String> CALLERS = new LinkedHashMap<>();
    /** What each expected status means in the matrix. */
    private static final Map<Integer, String> STATUSES = new TreeMap<>();

    static {
        CALLERS.put("anonymous", "not signed in (no token, no session)");
        CALLERS.put("user", "a signed-in resident: no organisation membership, no staff role");
        CALLERS.put("ownerA", "OWNER of organisation A, the organisation that owns the object (an ACTIVE "
                + "community council of 352161, so it can own plans too)");
        CALLERS.put("editorB", "EDITOR of organisation B, another ACTIVE organisation of the same municipality");
        CALLERS.put("staffSame", "staff (STAFF, not MANAGER) of 352161 山陽小野田市, the object's municipality");
        CALLERS.put("staffOther", "staff (STAFF) of 352039 山口市, another municipality");
        CALLERS.put("admin", "platform administrator (token role `admin`): acts as staff everywhere, "
                + "member of no organisation");

        STATUSES.put(200, "allowed (OK)");
        STATUSES.put(201, "allowed (created)");
        STATUSES.put(204, "allowed (done, no body)");
        STATUSES.put(302, "sent to the identity provider's login page");
        STATUSES.put(303, "already signed in: sent back to the site");
        STATUSES.put(401, "refused: sign in first");
        STATUSES.put(403, "refused: signed in, but not allowed");
        STATUSES.put(404, "hidden: the object does not exist for this caller");
    }

    /** A group of operations with its heading and the docs page (relative to docs/) that explains it. */
    private record Group(String key, String title, String page) {
    }

    private static final List<Group> GROUPS = List.of(
            new Group("municipalities", "Municipalities, staff and audit log 自治体・職員・監査ログ", "organizations.md"),
            new Group("areas", "Areas and liaison officers 地域・地域担当職員", "organizations.md"),
            new Group("organizations", "Organisations, members and invitations 主体・団体", "organizations.md"),
            new Group("messages", "Messages to organisations 団体へのメッセージ", "privacy.md"),
            new Group("listings", "Haves and needs, matches 有る・無い・マッチング", "listings-and-matching.md"),
            new Group("projects", "Co-creation projects 協創の場", "projects.md"),
            new Group("plans", "Plans 地域づくり計画", "plans.md"),
            new Group("indicators", "Indicators 成果指標", "indicators.md"),
            new Group("me", "The signed-in person: account, notifications, personal data 本人", "privacy.md"),
            new Group("general", "Sign-in and themes ログイン・テーマ", "security.md"));

    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE");

    private record Row(String method, String path, List<Integer> statuses) {
    }

    private PermissionsPage() {
    }

    /** The page for the matrix's text. Line ends are \n; the result ends with one. */
    public static String render(String csv) {
        List<String> notes = new ArrayList<>();
        List<String> header = null;
        List<Row> rows = new ArrayList<>();
        for (String line : csv.replace("\r", "").split("\n")) {
            if (line.startsWith("#")) {
                if (header == null) {
                    String note = line.substring(1);
                    notes.add(note.startsWith(" ") ? note.substring(1) : note);
                }
                continue;
            }
            if (line.isBlank()) {
                continue;
            }
            List<String> cells = List.of(line.split(",", -1)).stream().map(String::trim).toList();
            if (header == null) {
                header = cells;
                if (!"operation".equals(header.get(0))) {
                    throw new IllegalArgumentException("the matrix's header must start with 'operation': " + line);
                }
                continue;
            }
            if (cells.size() != header.size()) {
                throw new IllegalArgumentException("expected " + header.size() + " cells: " + line);
            }
            String[] operation = cells.get(0).split(" ", 2);
            List<Integer> statuses = cells.subList(1, cells.size()).stream().map(Integer::valueOf).toList();
            rows.add(new Row(operation[0], operation[1], statuses));
        }
        if (header == null) {
            throw new IllegalArgumentException("the matrix has no header line");
        }
        while (!notes.isEmpty() && notes.get(notes.size() - 1).isBlank()) {
            notes.remove(notes.size() - 1);
        }
        List<String> callers = header.subList(1, header.size());
        for (String caller : callers) {
            if (!CALLERS.containsKey(caller)) {
                throw new IllegalArgumentException("PermissionsPage does not describe the caller column '" + caller
                        + "': add it to CALLERS");
            }
        }
        TreeSet<Integer> used = new TreeSet<>();
        rows.forEach(r -> used.addAll(r.statuses()));
        for (Integer status : used) {
            if (!STATUSES.containsKey(status)) {
                throw new IllegalArgumentException("PermissionsPage does not explain status " + status
                        + ": add it to STATUSES");
            }
        }

        Map<String, List<Row>> grouped = new LinkedHashMap<>();
        GROUPS.forEach(g -> grouped.put(g.key(), new ArrayList<>()));
        for (Row row : rows) {
            grouped.computeIfAbsent(groupOf(row.path()), k -> new ArrayList<>()).add(row);
        }

        StringBuilder out = new StringBuilder();
        out.append("<!-- Generated from ").append(MATRIX).append(" by api/src/test/java/jp/kyoso/docs/PermissionsPage.java.\n")
                .append("     Do not edit: PermissionsPageTest fails when this file differs from what the matrix renders. -->\n\n");
        out.append("# Permissions 権限\n\n");
        out.append("Who may call each operation of the API, and the HTTP status each kind of caller gets. Paths leave out\n")
                .append("the `").append(PREFIX).append("` prefix. This is the authorisation matrix that `AuthorizationMatrixTest` sends cell by\n")
                .append("cell to the running API with valid requests, so only authorisation decides the status\n")
                .append("([how it is tested](security.md#authorisation-proven)). The page is rendered from\n")
                .append("[`authorization-matrix.csv`](../").append(MATRIX).append("); to change a permission, change the\n")
                .append("code and that row, then regenerate this page ([CONTRIBUTING.md](../CONTRIBUTING.md)).\n\n");
        out.append(rows.size()).append(" operations × ").append(callers.size()).append(" kinds of caller = ")
                .append(rows.size() * callers.size()).append(" cells.\n\n");

        out.append("## Callers\n\n| column | who sends the request |\n|---|---|\n");
        for (String caller : callers) {
            out.append("| `").append(caller).append("` | ").append(CALLERS.get(caller)).append(" |\n");
        }
        out.append("\n## Statuses\n\n| status | meaning |\n|---|---|\n");
        for (Integer status : used) {
            out.append("| ").append(status).append(" | ").append(STATUSES.get(status)).append(" |\n");
        }
        out.append("\nWrites check sign-in first, so anonymous callers get 401 wherever they may not write. 404 instead\n")
                .append("of 403 is deliberate where the object is hidden from the caller (see the notes at the end).\n");

        for (Map.Entry<String, List<Row>> entry : grouped.entrySet()) {
            List<Row> group = new ArrayList<>(entry.getValue());
            if (group.isEmpty()) {
                continue;
            }
            // A municipality's collection sorts with the resource it holds: /plans before /plans/{id}.
            String key = entry.getKey();
            group.sort(Comparator.comparing((Row r) -> key.equals("municipalities") ? r.path()
                            : r.path().replace(PREFIX + "/municipalities/{code}/", PREFIX + "/"))
                    .thenComparing(Row::path).thenComparing(r -> methodOrder(r.method())));
            Group known = GROUPS.stream().filter(g -> g.key().equals(entry.getKey())).findFirst().orElse(null);
            out.append("\n## ").append(known != null ? known.title() : entry.getKey()).append("\n\n");
            if (known != null) {
                out.append("Explained in [").append(known.page()).append("](").append(known.page()).append(").\n\n");
            }
            out.append("| operation |");
            callers.forEach(c -> out.append(' ').append(c).append(" |"));
            out.append("\n|---|");
            callers.forEach(c -> out.append("---:|"));
            out.append('\n');
            for (Row row : group) {
                String path = row.path().startsWith(PREFIX) ? row.path().substring(PREFIX.length()) : row.path();
                out.append("| `").append(row.method()).append(' ').append(path).append("` |");
                row.statuses().forEach(s -> out.append(' ').append(s).append(" |"));
                out.append('\n');
            }
        }

        out.append("\n## Notes from the matrix\n\nThe header of the matrix file, as written there:\n\n```text\n");
        notes.forEach(n -> out.append(n).append('\n'));
        out.append("```\n");
        return out.toString();
    }

    /** Which table an operation goes to: nested collections join the resource they hold. */
    static String groupOf(String path) {
        String rest = path.startsWith(PREFIX + "/") ? path.substring(PREFIX.length() + 1) : path;
        String[] s = rest.split("/");
        switch (s[0]) {
            case "municipalities":
                if (s.length >= 3) {
                    switch (s[2]) {
                        case "areas", "organizations", "listings", "projects", "plans", "indicators" -> {
                            return s[2];
                        }
                        default -> {
                        }
                    }
                }
                return "municipalities";
            case "organizations":
                if (s.length >= 3 && (s[2].equals("listings") || s[2].equals("matches"))) {
                    return "listings";
                }
                if (s.length >= 3 && s[2].equals("messages")) {
                    return "messages";
                }
                return "organizations";
            case "invitations":
                return "organizations";
            case "matches":
                return "listings";
            case "me":
                return s.length >= 2 && s[1].equals("messages") ? "messages" : "me";
            case "auth", "themes":
                return "general";
            default:
                return s[0];
        }
    }

    private static int methodOrder(String method) {
        int i = METHODS.indexOf(method);
        return i < 0 ? METHODS.size() : i;
    }

    /** Writes the page. Argument: the repository root (default: the current directory). */
    public static void main(String[] args) throws IOException {
        Path root = Path.of(args.length > 0 ? args[0] : ".");
        String page = render(Files.readString(root.resolve(MATRIX), StandardCharsets.UTF_8));
        Files.writeString(root.resolve(PAGE), page, StandardCharsets.UTF_8);
        System.out.println("Wrote " + root.resolve(PAGE) + " (" + page.getBytes(StandardCharsets.UTF_8).length + " bytes)");
    }
}
