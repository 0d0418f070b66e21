package io.statecraft.dsl.workflow;

import java.util.Objects;

/**
 * An EventBridge Scheduler schedule ({@code AWS::Scheduler::Schedule}) that starts the workflow:
 * a {@code cron(...)}, {@code rate(...)} or {@code at(...)} expression evaluated in a time zone
 * (unlike EventBridge rules, which only know UTC), with an optional flexible window and a fixed
 * input. Its description, input, state, retry policy and dead-letter queue are the
 * {@link TargetOptions} every EventBridge trigger has.
 *
 * <pre>{@code
 * Schedule.named("WeeklySchedule")
 *     .expression(Parameter.string("ScheduleExpression").defaultValue("cron(0 8 ? * MON *)"))
 *     .timeZone(Parameter.string("ScheduleTimeZone").defaultValue("Europe/Bucharest"))
 *     .flexibleWindowMinutes(15);
 * }</pre>
 */
public final class Schedule extends TargetOptions<Schedule> {

  private TemplateValue expression;
  private TemplateValue timeZone;
  private int flexibleWindowMinutes;

  private Schedule(String logicalId) {
    super(logicalId);
  }

  /**
   * An EventBridge Scheduler schedule ({@code AWS::Scheduler::Schedule}) with the logical id {@code
   * logicalId}, that starts an execution of the workflow at the times of its expression, through a
   * role of its own. The usual trigger for "every morning" or "once at"; list it in the workflow's
   * {@code triggers(...)}.
   */
  public static Schedule named(String logicalId) {
    return new Schedule(logicalId);
  }

  /** {@code ScheduleExpression}: {@code cron(0 8 ? * MON *)}, {@code rate(1 day)}, {@code at(2026-01-01T08:00:00)}. */
  public Schedule expression(TemplateValue expression) {
    this.expression = Objects.requireNonNull(expression, "expression == null");
    return this;
  }

  /**
   * {@code ScheduleExpression} written out: {@code cron(0 8 ? * MON *)}, {@code rate(1 day)} or
   * {@code at(2026-01-01T08:00:00)}.
   */
  public Schedule expression(String expression) {
    return expression(TemplateValue.of(expression));
  }

  /** {@code ScheduleExpressionTimezone}: an IANA time zone such as {@code Europe/Bucharest}; UTC unless set. */
  public Schedule timeZone(TemplateValue zone) {
    this.timeZone = zone;
    return this;
  }

  /**
   * {@code ScheduleExpressionTimezone} written out: the IANA time zone, such as {@code
   * Europe/Berlin}, in which the expression's times are read.
   */
  public Schedule timeZone(String zone) {
    return timeZone(TemplateValue.of(zone));
  }

  /** {@code FlexibleTimeWindow}: start up to this many minutes late (1 to 1440); 0, the default, is OFF. */
  public Schedule flexibleWindowMinutes(int minutes) {
    this.flexibleWindowMinutes = minutes;
    return this;
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.schedule(this);
  }

  /** The {@code ScheduleExpression}. */
  public TemplateValue expression() {
    return expression;
  }

  /** The {@code ScheduleExpressionTimezone}, or null for UTC. */
  public TemplateValue timeZone() {
    return timeZone;
  }

  /** The {@code FlexibleTimeWindow} in minutes; 0 means {@code OFF} (start on time). */
  public int flexibleWindowMinutes() {
    return flexibleWindowMinutes;
  }
}
