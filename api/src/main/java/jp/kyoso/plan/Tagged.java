package jp.kyoso.plan;

/** A response body with the version its ETag carries. */
public record Tagged<T>(T body, long version) {
}
