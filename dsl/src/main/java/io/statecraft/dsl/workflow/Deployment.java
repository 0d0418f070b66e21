package io.statecraft.dsl.workflow;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How CloudFormation moves the workflow's alias to a newly published version: at once, or
 * gradually (a canary share first, or equal steps), rolling back when one of the CloudWatch alarms
 * goes into ALARM. Written as the alias's {@code DeploymentPreference}
 * (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-stepfunctions-statemachinealias-deploymentpreference.html).
 *
 * <pre>{@code
 * Deployment.canary(10, Duration.ofMinutes(5)).alarms(Parameter.string("CanaryAlarmName"))
 * Deployment.linear(20, Duration.ofMinutes(10))
 * Deployment.allAtOnce()
 * }</pre>
 *
 * <p>Immutable; {@link #alarms(TemplateValue...)} returns a copy.
 */
public final class Deployment {

  /** {@code DeploymentPreference.Type}. */
  public enum Type {
    /** {@code percent} of executions go to the new version for {@code interval}, then all. */
    CANARY,
    /** {@code percent} more of the executions every {@code interval} until all. */
    LINEAR,
    /** All executions at once (alarms still roll back during the deployment). */
    ALL_AT_ONCE
  }

  private final Type type;
  private final Integer percent;
  private final Duration interval;
  private final List<TemplateValue> alarms;

  private Deployment(Type type, Integer percent, Duration interval, List<TemplateValue> alarms) {
    this.type = type;
    this.percent = percent;
    this.interval = interval;
    this.alarms = List.copyOf(alarms);
  }

  /** {@code percent} of executions to the new version for {@code interval}, then all of them. */
  public static Deployment canary(int percent, Duration interval) {
    return new Deployment(Type.CANARY, percent, Objects.requireNonNull(interval, "interval == null"), List.of());
  }

  /** {@code percent} more of the executions to the new version every {@code interval}. */
  public static Deployment linear(int percent, Duration interval) {
    return new Deployment(Type.LINEAR, percent, Objects.requireNonNull(interval, "interval == null"), List.of());
  }

  /** Every execution to the new version at once. */
  public static Deployment allAtOnce() {
    return new Deployment(Type.ALL_AT_ONCE, null, null, List.of());
  }

  /**
   * The CloudWatch alarms, by name (not ARN), that roll the deployment back when one goes into
   * ALARM: parameters, literals, or an alarm of the template ({@code TemplateValue.sub(...)}).
   */
  public Deployment alarms(TemplateValue... alarmNames) {
    List<TemplateValue> all = new ArrayList<>(alarms);
    for (TemplateValue alarm : alarmNames) {
      all.add(Objects.requireNonNull(alarm, "alarm == null"));
    }
    return new Deployment(type, percent, interval, all);
  }

  /** How traffic moves to the new version: canary, linear or all at once. */
  public Type type() {
    return type;
  }

  /** The share of executions per step; null for {@link Type#ALL_AT_ONCE}. */
  public Integer percent() {
    return percent;
  }

  /** The time between steps; null for {@link Type#ALL_AT_ONCE}. */
  public Duration interval() {
    return interval;
  }

  /** The CloudWatch alarms whose ALARM state rolls the deployment back, in the order given. */
  public List<TemplateValue> alarms() {
    return alarms;
  }
}
