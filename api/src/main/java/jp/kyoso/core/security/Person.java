package jp.kyoso.core.security;

import java.util.UUID;

/**
 * A person known to Kyoso, as every feature sees them: their id, and the name and e-mail their
 * identity provider gave. Name and e-mail are personal data, shown only where a rule allows it.
 * The account itself (when they came, when they were last seen, erasure) belongs to the
 * {@code account} feature.
 */
public record Person(UUID id, String displayName, String email) {
}
