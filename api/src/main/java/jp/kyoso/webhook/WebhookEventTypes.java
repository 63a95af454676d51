package jp.kyoso.webhook;

import java.util.List;

/** The event types an endpoint may listen to (announced by the features through core/integration). */
public final class WebhookEventTypes {

    public static final List<String> ALL = List.of(
            "listing.created", "listing.updated", "listing.closed",
            "match.proposed", "match.accepted", "match.declined", "match.fulfilled",
            "project.stage_changed",
            "event.published", "event.cancelled",
            "plan.published",
            "indicator.values_changed");

    private WebhookEventTypes() {
    }
}
