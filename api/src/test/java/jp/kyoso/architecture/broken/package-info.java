/**
 * Deliberately broken code for {@code ArchitectureRulesCatchViolationsTest}: each class breaks one
 * architecture rule, so the test can show that the rule notices. Test sources only; never part of
 * the application. The packages imitate a feature and core by their names.
 */
package jp.kyoso.architecture.broken;
