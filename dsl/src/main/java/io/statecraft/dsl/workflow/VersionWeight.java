package io.statecraft.dsl.workflow;

import java.util.Objects;

/**
 * One version of an alias's fixed routing: the version the stack publishes, or another version of
 * the same state machine given by its ARN (usually a parameter), with the percentage of the
 * alias's executions it runs. Written as an item of the alias's {@code RoutingConfiguration}
 * (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-stepfunctions-statemachinealias-routingconfigurationversion.html).
 *
 * <pre>{@code
 * Parameter previous = Parameter.string("PreviousVersionArn");
 * .alias("live").routing(VersionWeight.publishedVersion(90), VersionWeight.version(previous, 10))
 * }</pre>
 *
 * @param versionArn the version's ARN; null for the version the stack publishes
 * @param weight the percentage of executions, 0 to 100; an alias's weights add up to 100
 */
public record VersionWeight(TemplateValue versionArn, int weight) {

  /** {@code weight} percent of the alias's executions to the version the stack publishes. */
  public static VersionWeight publishedVersion(int weight) {
    return new VersionWeight(null, weight);
  }

  /** {@code weight} percent of the alias's executions to the version {@code versionArn}. */
  public static VersionWeight version(TemplateValue versionArn, int weight) {
    return new VersionWeight(Objects.requireNonNull(versionArn, "versionArn == null"), weight);
  }

  /** Whether this is the version the stack publishes. */
  public boolean isPublishedVersion() {
    return versionArn == null;
  }
}
