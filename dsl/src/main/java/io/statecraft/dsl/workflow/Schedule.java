package io.statecraft.dsl.workflow;

import io.statecraft.dsl.Value;
import java.util.Objects;

/**
 * An EventBridge Scheduler schedule ({@code AWS::Scheduler::Schedule}) that starts the workflow:
 * a {@code cron(...)}, {@code rate(...)} or {@code at(...)} expression evaluated in a time zone
 * (unlike EventBridge rules, which only know UTC), with an optional flexible window and a fixed
 * input.
 *
 * <pre>{@code
 * Schedule.named("WeeklySchedule")
 *     .expression(Parameter.string("ScheduleExpression").defaultValue("cron(0 8 ? * MON *)"))
 *     .timeZone(Parameter.string("ScheduleTimeZone").defaultValue("Europe/Bucharest"))
 *     .flexibleWindowMinutes(15);
 * }</pre>
 */
public final class Schedule implements Trigger {

  private final String logicalId;
  private String description;
  private TemplateValue expression;
  private TemplateValue timeZone;
  private int flexibleWindowMinutes;
  private Value input;
  private TemplateValue enabled;
  private boolean deadLetterQueue;
  private TargetRetryPolicy retryPolicy;

  private Schedule(String logicalId) {
    this.logicalId = Objects.requireNonNull(logicalId, "logicalId == null");
  }

  public static Schedule named(String logicalId) {
    return new Schedule(logicalId);
  }

  public Schedule description(String description) {
    this.description = description;
    return this;
  }

  /** {@code ScheduleExpression}: {@code cron(0 8 ? * MON *)}, {@code rate(1 day)}, {@code at(2026-01-01T08:00:00)}. */
  public Schedule expression(TemplateValue expression) {
    this.expression = Objects.requireNonNull(expression, "expression == null");
    return this;
  }

  public Schedule expression(String expression) {
    return expression(TemplateValue.of(expression));
  }

  /** {@code ScheduleExpressionTimezone}: an IANA time zone such as {@code Europe/Bucharest}; UTC unless set. */
  public Schedule timeZone(TemplateValue zone) {
    this.timeZone = zone;
    return this;
  }

  public Schedule timeZone(String zone) {
    return timeZone(TemplateValue.of(zone));
  }

  /** {@code FlexibleTimeWindow}: start up to this many minutes late (1 to 1440); 0, the default, is OFF. */
  public Schedule flexibleWindowMinutes(int minutes) {
    this.flexibleWindowMinutes = minutes;
    return this;
  }

  /** The execution input: literal JSON (it may hold parameters' placeholders). */
  public Schedule input(Value input) {
    this.input = input;
    return this;
  }

  /** {@code State}: a {@code String} parameter with the values ENABLED and DISABLED, or a literal. */
  public Schedule state(TemplateValue enabledOrDisabled) {
    this.enabled = enabledOrDisabled;
    return this;
  }

  /**
   * Keeps the events that could not start the state machine (after the retries of
   * {@link #retryPolicy}) in a dead-letter queue the template creates: {@code <id>DeadLetterQueue}
   * ({@code AWS::SQS::Queue}, encrypted with SQS-managed keys, messages kept 14 days). It may be
   * sent to only by this schedule's role, which EventBridge Scheduler uses to deliver dead letters
   * ({@code sqs:SendMessage} on this queue only). Without it, such an event is lost without a
   * trace. Watch the queue
   * (its URL is {@link #deadLetterQueueUrl()}), for example with an alarm on
   * {@code ApproximateNumberOfMessagesVisible}.
   */
  public Schedule deadLetterQueue() {
    this.deadLetterQueue = true;
    return this;
  }

  /** The target's {@code RetryPolicy}; EventBridge Scheduler's default (185 attempts over 24 hours) unless set. */
  public Schedule retryPolicy(int maximumRetryAttempts, int maximumEventAgeSeconds) {
    this.retryPolicy = new TargetRetryPolicy(maximumRetryAttempts, maximumEventAgeSeconds);
    return this;
  }

  @Override
  public String logicalId() {
    return logicalId;
  }

  public String description() {
    return description;
  }

  public TemplateValue expression() {
    return expression;
  }

  public TemplateValue timeZone() {
    return timeZone;
  }

  public int flexibleWindowMinutes() {
    return flexibleWindowMinutes;
  }

  public Value input() {
    return input;
  }

  public TemplateValue state() {
    return enabled;
  }

  public boolean hasDeadLetterQueue() {
    return deadLetterQueue;
  }

  /** The logical id of the dead-letter queue: {@code <id>DeadLetterQueue}. */
  public String deadLetterQueueLogicalId() {
    return logicalId + "DeadLetterQueue";
  }

  /** The dead-letter queue's URL ({@code Ref}), for an {@link Output}. */
  public TemplateValue deadLetterQueueUrl() {
    return new TemplateValue.Attribute(deadLetterQueueLogicalId(), null);
  }

  /** The dead-letter queue's ARN ({@code Fn::GetAtt <id>DeadLetterQueue.Arn}). */
  public TemplateValue deadLetterQueueArn() {
    return new TemplateValue.Attribute(deadLetterQueueLogicalId(), "Arn");
  }

  /** The target's retry policy, or null for the service's default. */
  public TargetRetryPolicy retryPolicy() {
    return retryPolicy;
  }
}
