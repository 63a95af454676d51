package jp.kyoso.matching;

import jp.kyoso.core.integration.DomainEvents;

import java.util.List;
import java.util.Map;

/**
 * What integrations hear of a match (webhooks): never public, so only the two organisations'
 * endpoints and the municipality's own hear of it; ids and the status, no contact details.
 */
final class MatchEvents {

    private MatchEvents() {
    }

    /** The event type of a step; null for a withdrawal (integrations are not told of one). */
    static String typeOf(MatchLifecycle.Step step) {
        return switch (step) {
            case ACCEPT -> "match.accepted";
            case DECLINE -> "match.declined";
            case FULFIL -> "match.fulfilled";
            case WITHDRAW -> null;
        };
    }

    static void announce(DomainEvents events, String type, Match match) {
        if (type == null) {
            return;
        }
        events.emit(type, match.municipalityCode, false, List.of(match.needOrganizationId, match.haveOrganizationId),
                Map.of("id", match.id, "needId", match.needId, "haveId", match.haveId,
                        "needOrganizationId", match.needOrganizationId, "haveOrganizationId", match.haveOrganizationId,
                        "status", match.status.name()));
    }
}
