package jp.kyoso.docs;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The documentation stays navigable: no relative link in README.md, CONTRIBUTING.md or docs/
 * points at a missing file, every page of docs/ is in its index, and the README stays within
 * 10 KB. Plain JUnit (no Quarkus); surefire runs it in {@code api/}, so the repository root is
 * {@code ..}. The same checks run without Maven: {@code java api/src/test/java/jp/kyoso/docs/DocLinks.java}.
 */
class DocLinksTest {

    private static final Path ROOT = Path.of("..");

    @Test
    void everyRelativeLinkPointsToAFileThatExists() {
        assertTrue(DocLinks.documents(ROOT).size() > 1, "no documents found under " + ROOT.toAbsolutePath());
        List<String> broken = DocLinks.brokenLinks(ROOT);
        assertEquals(List.of(), broken, "relative links to files that do not exist (file:line: target)");
    }

    @Test
    void everyPageOfDocsIsInTheIndex() {
        assertEquals(List.of(), DocLinks.unindexedPages(ROOT), "pages that docs/README.md does not link to");
    }

    @Test
    void readmeStaysWithinTenKilobytes() throws IOException {
        long size = Files.size(ROOT.resolve("README.md"));
        assertTrue(size <= DocLinks.README_LIMIT, "README.md is " + size + " bytes; the limit is "
                + DocLinks.README_LIMIT + ": move detail into docs/ and link to it");
    }
}
