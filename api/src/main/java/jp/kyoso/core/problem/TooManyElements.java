package jp.kyoso.core.problem;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/** A JSON array with more elements than its property's {@code @Size(max)} allows, refused while it is read. */
public final class TooManyElements extends MismatchedInputException {

    private final int max;

    public TooManyElements(JsonParser parser, int max) {
        super(parser, "too many elements (at most " + max + ")");
        this.max = max;
    }

    public int max() {
        return max;
    }
}
