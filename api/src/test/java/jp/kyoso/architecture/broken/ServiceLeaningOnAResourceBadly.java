package jp.kyoso.architecture.broken;

/** Breaks "services do not depend on resources" (for ArchitectureRulesCatchViolationsTest only). */
public class ServiceLeaningOnAResourceBadly {

    ThickResource resource;
}
