package jp.kyoso.core.problem;

import jp.kyoso.core.i18n.Label;

import java.util.Map;

/** The one place where client errors are made, so every feature words them the same way. */
public final class Problems {

    static final Label BAD_REQUEST = Label.of("リクエストが正しくありません", "Bad request");
    static final Label UNAUTHORIZED = Label.of("ログインが必要です", "Authentication required");
    static final Label FORBIDDEN = Label.of("この操作を行う権限がありません", "Forbidden");
    static final Label NOT_FOUND = Label.of("見つかりません", "Not found");
    static final Label CONFLICT = Label.of("現在の状態ではこの操作はできません", "Conflict");
    static final Label PRECONDITION_FAILED = Label.of("他の人が先に更新しました", "Precondition failed");
    static final Label PRECONDITION_REQUIRED = Label.of("If-Match ヘッダーが必要です", "Precondition required");
    static final Label UNPROCESSABLE = Label.of("処理できないリクエストです", "Unprocessable request");
    public static final Label PAYLOAD_TOO_LARGE = Label.of("リクエストが大きすぎます", "Payload too large");
    static final Label UNSUPPORTED_MEDIA_TYPE = Label.of("この Content-Type は受け付けられません", "Unsupported media type");

    private Problems() {
    }

    public static ProblemException badRequest(Label detail) {
        return new ProblemException(400, BAD_REQUEST, detail, null);
    }

    public static ProblemException invalidField(String field, Label message) {
        return new ProblemException(400, BAD_REQUEST,
                Label.of("入力内容に誤りがあります", "The request has invalid fields"),
                Map.of(field, message));
    }

    /** Several invalid fields at once (every bad row of a file, say), in the order given. */
    public static ProblemException invalidFields(Label detail, Map<String, Label> errors) {
        return new ProblemException(400, BAD_REQUEST, detail, new java.util.LinkedHashMap<>(errors));
    }

    public static ProblemException unauthorized() {
        return new ProblemException(401, UNAUTHORIZED,
                Label.of("この操作にはログインが必要です", "This operation needs a signed-in user"), null);
    }

    public static ProblemException forbidden(Label detail) {
        return new ProblemException(403, FORBIDDEN, detail, null);
    }

    public static ProblemException notFound(Label what) {
        return new ProblemException(404, NOT_FOUND, what, null);
    }

    public static ProblemException conflict(Label detail) {
        return new ProblemException(409, CONFLICT, detail, null);
    }

    public static ProblemException preconditionFailed() {
        return new ProblemException(412, PRECONDITION_FAILED, Label.of(
                "このデータは読み込んだ後に変更されています。最新の内容を読み込んでからやり直してください",
                "The resource changed since you read it; reload it and try again"), null);
    }

    public static ProblemException preconditionRequired() {
        return new ProblemException(428, PRECONDITION_REQUIRED, Label.of(
                "更新には読み込んだときの ETag を If-Match ヘッダーで送ってください",
                "Send the ETag you read in an If-Match header to update"), null);
    }

    public static ProblemException unprocessable(Label detail) {
        return new ProblemException(422, UNPROCESSABLE, detail, null);
    }

    /** 415: a body in a format the operation does not take (or without a Content-Type). */
    public static ProblemException unsupportedMediaType(Label detail) {
        return new ProblemException(415, UNSUPPORTED_MEDIA_TYPE, detail, null);
    }

    public static ProblemException of(int status, Label title, Label detail) {
        return new ProblemException(status, title, detail, null);
    }
}
