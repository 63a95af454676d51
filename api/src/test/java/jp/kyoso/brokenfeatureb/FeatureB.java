package jp.kyoso.brokenfeatureb;

import jp.kyoso.brokenfeaturea.FeatureA;

/** The other half of the cycle (for ArchitectureRulesCatchViolationsTest only). */
public class FeatureB {

    public FeatureA partner;
}
