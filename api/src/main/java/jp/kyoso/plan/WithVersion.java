package jp.kyoso.plan;

/** A response body with the version its ETag carries (the plan's, for answers about its items). */
public record WithVersion<T>(T body, long version) {
}
