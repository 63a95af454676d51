package jp.kyoso.core.brokenarch;

import jp.kyoso.organization.Organization;

/** Breaks "core depends on no feature" (for ArchitectureRulesCatchViolationsTest only). */
public class CoreThatImportsAFeature {

    public String nameOf(Organization organization) {
        return organization.name;
    }
}
