package jp.kyoso.brokenfeaturea;

import jp.kyoso.brokenfeatureb.FeatureB;

/** One half of a cycle between two features (for ArchitectureRulesCatchViolationsTest only). */
public class FeatureA {

    public FeatureB partner;
}
