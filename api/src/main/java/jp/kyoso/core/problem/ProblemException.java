package jp.kyoso.core.problem;

import jp.kyoso.core.i18n.Label;

import java.util.Map;

/**
 * A client-visible failure with its HTTP status. Services throw these; one mapper turns them
 * into problem+json. Built through {@link Problems}.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final Label title;
    private final Label detail;
    private final Map<String, Label> errors;

    ProblemException(int status, Label title, Label detail, Map<String, Label> errors) {
        super(detail == null ? title.en() : detail.en(), null, false, false);
        this.status = status;
        this.title = title;
        this.detail = detail;
        this.errors = errors;
    }

    public int status() {
        return status;
    }

    public Label title() {
        return title;
    }

    public Label detail() {
        return detail;
    }

    /** Invalid fields by JSON path, or null. */
    public Map<String, Label> errors() {
        return errors;
    }
}
