package jp.kyoso.core.i18n;

import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

/** The language of the current request, from its Accept-Language header. */
@RequestScoped
public class RequestLanguage {

    @Inject HttpServerRequest request;

    private Language language;

    public Language get() {
        if (language == null) {
            language = Language.fromHeader(request.getHeader("Accept-Language"));
        }
        return language;
    }

    public String label(Labelled labelled) {
        return labelled == null ? null : labelled.label().in(get());
    }

    public String text(Label label) {
        return label.in(get());
    }
}
