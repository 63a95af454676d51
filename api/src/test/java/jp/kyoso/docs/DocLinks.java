package jp.kyoso.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Checks the documentation's relative links: every {@code [text](path)} or
 * {@code [text](path#anchor)} (and {@code [ref]: path} definition) in {@code README.md},
 * {@code CONTRIBUTING.md} and {@code docs/**}{@code /*.md} must point at a file or directory that
 * exists. Links with a scheme (http, https, mailto …) and pure {@code #anchor} links are not
 * checked; neither is anything inside code blocks or code spans. It also lists the pages under
 * {@code docs/} that the index {@code docs/README.md} does not link to. {@link DocLinksTest} runs it.
 *
 * <p>No dependencies, so it also runs as a single-file program. From the repository root:
 * {@code java api/src/test/java/jp/kyoso/docs/DocLinks.java} lists broken links and the README's size.
 */
public final class DocLinks {

    /** The README's hard limit in bytes. */
    public static final long README_LIMIT = 10_240;

    private static final Pattern INLINE = Pattern.compile(
            "!?\\[(?:[^\\]\\\\]|\\\\.)*]\\(\\s*(<[^>]*>|[^)\\s]+)(?:\\s+(?:\"[^\"]*\"|'[^']*'))?\\s*\\)");
    private static final Pattern DEFINITION = Pattern.compile("(?m)^ {0,3}\\[[^\\]]+]:\\s*(<[^>]*>|\\S+)");
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");
    private static final Pattern FENCE = Pattern.compile("^ {0,3}(```|~~~)");
    private static final Pattern CODE_SPAN = Pattern.compile("(`+)(.+?)\\1");

    private DocLinks() {
    }

    /** The documents checked: README.md, CONTRIBUTING.md and every .md under docs/, in path order. */
    public static List<Path> documents(Path root) {
        List<Path> documents = new ArrayList<>();
        for (String name : List.of("README.md", "CONTRIBUTING.md")) {
            if (Files.isRegularFile(root.resolve(name))) {
                documents.add(root.resolve(name));
            }
        }
        Path docs = root.resolve("docs");
        if (Files.isDirectory(docs)) {
            try (Stream<Path> files = Files.walk(docs)) {
                files.filter(p -> p.toString().endsWith(".md") && Files.isRegularFile(p)).sorted()
                        .forEach(documents::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return documents;
    }

    /** Every relative link whose target does not exist, as "file:line: target". */
    public static List<String> brokenLinks(Path root) {
        List<String> broken = new ArrayList<>();
        for (Path document : documents(root)) {
            String text = withoutCode(read(document));
            for (String target : targets(text)) {
                int at = target.indexOf('\n');
                int line = Integer.parseInt(target.substring(0, at));
                String link = target.substring(at + 1);
                if (!resolves(document, link)) {
                    broken.add(root.relativize(document) + ":" + line + ": " + link);
                }
            }
        }
        return broken;
    }

    /** Pages under docs/ that the index docs/README.md does not link to. */
    public static List<String> unindexedPages(Path root) {
        Path index = root.resolve("docs").resolve("README.md");
        List<String> missing = new ArrayList<>();
        if (!Files.isRegularFile(index)) {
            missing.add("docs/README.md (the index itself is missing)");
            return missing;
        }
        List<Path> linked = new ArrayList<>();
        for (String target : targets(withoutCode(read(index)))) {
            String link = target.substring(target.indexOf('\n') + 1);
            int cut = indexOfAny(link, '#', '?');
            String path = URLDecoder.decode((cut >= 0 ? link.substring(0, cut) : link).replace("+", "%2B"),
                    StandardCharsets.UTF_8);
            linked.add(index.toAbsolutePath().getParent().resolve(path).normalize());
        }
        for (Path page : documents(root)) {
            if (page.startsWith(root.resolve("docs")) && !page.equals(index)
                    && !linked.contains(page.toAbsolutePath().normalize())) {
                missing.add(root.relativize(page).toString());
            }
        }
        return missing;
    }

    /** The relative link targets of a text, each as "line\ntarget" (line numbers from 1). */
    static List<String> targets(String text) {
        List<String> targets = new ArrayList<>();
        for (Pattern pattern : List.of(INLINE, DEFINITION)) {
            Matcher m = pattern.matcher(text);
            while (m.find()) {
                String target = m.group(1);
                if (target.startsWith("<") && target.endsWith(">")) {
                    target = target.substring(1, target.length() - 1);
                }
                if (target.isEmpty() || target.startsWith("#") || SCHEME.matcher(target).find()) {
                    continue;
                }
                int line = 1;
                for (int i = 0; i < m.start(); i++) {
                    if (text.charAt(i) == '\n') {
                        line++;
                    }
                }
                targets.add(line + "\n" + target);
            }
        }
        return targets;
    }

    static boolean resolves(Path document, String link) {
        String path = link;
        int cut = indexOfAny(path, '#', '?');
        if (cut >= 0) {
            path = path.substring(0, cut);
        }
        if (path.isEmpty()) {
            return true;
        }
        path = URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
        Path base = document.toAbsolutePath().getParent();
        Path target = path.startsWith("/") ? base.getRoot().resolve(path.substring(1)) : base.resolve(path);
        return Files.exists(target.normalize());
    }

    /** The text with fenced code blocks and code spans blanked out (line breaks kept). */
    static String withoutCode(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean fenced = false;
        String fence = null;
        for (String line : text.split("\n", -1)) {
            Matcher f = FENCE.matcher(line);
            if (f.find() && (!fenced || line.trim().startsWith(fence))) {
                fenced = !fenced;
                fence = fenced ? f.group(1) : null;
                out.append('\n');
                continue;
            }
            if (fenced) {
                out.append('\n');
                continue;
            }
            Matcher span = CODE_SPAN.matcher(line);
            StringBuilder blanked = new StringBuilder();
            while (span.find()) {
                span.appendReplacement(blanked, " ".repeat(span.group().length()));
            }
            span.appendTail(blanked);
            out.append(blanked).append('\n');
        }
        return out.substring(0, Math.max(0, out.length() - 1));
    }

    private static int indexOfAny(String s, char a, char b) {
        int i = s.indexOf(a);
        int j = s.indexOf(b);
        return i < 0 ? j : j < 0 ? i : Math.min(i, j);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Prints the broken links, the pages missing from the index and the README's size; exits 1
     * when a link is broken, a page is not indexed or the README is over {@link #README_LIMIT}. Argument: the repository root (default: the current directory).
     */
    public static void main(String[] args) throws IOException {
        Path root = Path.of(args.length > 0 ? args[0] : ".");
        List<Path> documents = documents(root);
        List<String> broken = brokenLinks(root);
        long readme = Files.size(root.resolve("README.md"));
        int links = 0;
        for (Path document : documents) {
            links += targets(withoutCode(read(document))).size();
        }
        List<String> unindexed = unindexedPages(root);
        broken.forEach(b -> System.out.println("BROKEN " + b));
        unindexed.forEach(u -> System.out.println("NOT IN docs/README.md " + u));
        System.out.println(documents.size() + " documents, " + links + " relative links, " + broken.size()
                + " broken; README.md is " + readme + " bytes (limit " + README_LIMIT + ")");
        if (!broken.isEmpty() || !unindexed.isEmpty() || readme > README_LIMIT) {
            System.exit(1);
        }
    }
}
