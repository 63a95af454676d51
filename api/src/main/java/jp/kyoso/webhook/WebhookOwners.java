package jp.kyoso.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jp.kyoso.core.i18n.Label;
import jp.kyoso.core.problem.Problems;
import jp.kyoso.core.security.Access;
import jp.kyoso.municipality.Municipalities;
import jp.kyoso.organization.Organization;
import jp.kyoso.organization.OrganizationService;

import java.util.UUID;

/**
 * Whose endpoints a request is about, with the caller's right to manage them checked: an
 * organisation's (its owners; staff of its municipality and admins too) or a municipality's own
 * (its staff and admins). An integration client (client credentials) is a person like any other:
 * made an owner of the organisation or staff of the municipality, it manages the same endpoints.
 */
@ApplicationScoped
public class WebhookOwners {

    /** An organisation's endpoints ({@code organizationId} set) or a municipality's own. */
    public record Owner(String municipalityCode, UUID organizationId) {

        boolean owns(Webhook webhook) {
            return webhook.deletedAt == null && webhook.municipalityCode.equals(municipalityCode)
                    && java.util.Objects.equals(webhook.organizationId, organizationId);
        }
    }

    @Inject OrganizationService organizations;
    @Inject Municipalities municipalities;
    @Inject Access access;

    public Owner organization(UUID organizationId) {
        Organization org = organizations.requireVisible(organizationId);
        organizations.requireOwner(org);
        return new Owner(org.municipalityCode, org.id);
    }

    public Owner municipality(String code) {
        municipalities.require(code);
        access.requireStaff(code);
        return new Owner(code, null);
    }

    /** The owner's endpoint; 404 for one of another owner (or deleted). */
    public Webhook require(Owner owner, UUID id) {
        Webhook webhook = id == null ? null : Webhook.findById(id);
        if (webhook == null || !owner.owns(webhook)) {
            throw Problems.notFound(Label.of("Webhook が見つかりません", "No such webhook"));
        }
        return webhook;
    }
}
