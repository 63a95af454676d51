package jp.kyoso.docs;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * {@code docs/permissions.md} is rendered from the authorisation matrix and must be committed as
 * rendered: a changed matrix without the regenerated page fails here. Plain JUnit (no Quarkus);
 * surefire runs it in {@code api/}, so the repository root is {@code ..}.
 */
class PermissionsPageTest {

    private static final Path ROOT = Path.of("..");
    private static final Path RENDERED = Path.of("target", "permissions.md");

    @Test
    void committedPageIsWhatTheMatrixRenders() throws IOException {
        Path matrix = ROOT.resolve(PermissionsPage.MATRIX);
        Path committed = ROOT.resolve(PermissionsPage.PAGE);
        assertTrue(Files.exists(matrix), "missing " + matrix.toAbsolutePath().normalize());
        String expected = PermissionsPage.render(Files.readString(matrix, StandardCharsets.UTF_8));
        Files.createDirectories(RENDERED.getParent());
        Files.writeString(RENDERED, expected, StandardCharsets.UTF_8);
        String actual = Files.exists(committed) ? Files.readString(committed, StandardCharsets.UTF_8) : null;
        if (!expected.equals(actual)) {
            fail(PermissionsPage.PAGE + (actual == null ? " is missing" : " differs from what " + PermissionsPage.MATRIX
                    + " renders") + ". The expected page is in api/" + RENDERED + "; update the committed one from "
                    + "the repository root with: cp api/target/permissions.md docs/permissions.md "
                    + "(or: java api/src/test/java/jp/kyoso/docs/PermissionsPage.java)");
        }
    }
}
