package io.statecraft.dsl.workflow;

import io.statecraft.dsl.ObjectValue;
import io.statecraft.dsl.Value;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An EventBridge rule ({@code AWS::Events::Rule}) that starts the workflow on a schedule (UTC
 * only; prefer {@link Schedule} for a time zone) or when an event matches a pattern, passing the
 * event, a fixed input, or the event reshaped by an input transformer.
 *
 * <pre>{@code
 * EventRule.named("ExposedKeyRule")
 *     .eventPattern(Json.object().put("source", Json.strings("aws.health"))
 *         .put("detail-type", Json.strings("AWS Health Event"))
 *         .put("detail", Json.object().put("eventTypeCode", Json.strings("AWS_RISK_CREDENTIALS_EXPOSED"))).build())
 *     .inputTransformer(Map.of("event", "$.detail"), "{\"event\": <event>}");
 * }</pre>
 */
public final class EventRule implements Trigger {

  private final String logicalId;
  private String description;
  private TemplateValue scheduleExpression;
  private ObjectValue eventPattern;
  private TemplateValue eventBus;
  private Value input;
  private Map<String, String> inputPaths;
  private String inputTemplate;
  private TemplateValue state;
  private boolean deadLetterQueue;
  private TargetRetryPolicy retryPolicy;

  private EventRule(String logicalId) {
    this.logicalId = Objects.requireNonNull(logicalId, "logicalId == null");
  }

  public static EventRule named(String logicalId) {
    return new EventRule(logicalId);
  }

  public EventRule description(String description) {
    this.description = description;
    return this;
  }

  /** {@code ScheduleExpression}: {@code cron(0 8 ? * MON *)} or {@code rate(1 day)}, in UTC. */
  public EventRule schedule(TemplateValue expression) {
    this.scheduleExpression = expression;
    return this;
  }

  public EventRule schedule(String expression) {
    return schedule(TemplateValue.of(expression));
  }

  /** {@code EventPattern}, built with {@code Json.object()}. */
  public EventRule eventPattern(ObjectValue pattern) {
    this.eventPattern = pattern;
    return this;
  }

  /** {@code EventBusName} (or ARN); the default bus unless set. */
  public EventRule eventBus(TemplateValue bus) {
    this.eventBus = bus;
    return this;
  }

  /** The target's {@code Input}: a fixed execution input instead of the event. */
  public EventRule input(Value input) {
    this.input = input;
    this.inputPaths = null;
    this.inputTemplate = null;
    return this;
  }

  /**
   * The target's {@code InputTransformer}: JSON paths into the event by name, and a template that
   * uses them as {@code <name>}.
   */
  public EventRule inputTransformer(Map<String, String> inputPaths, String inputTemplate) {
    this.inputPaths = Collections.unmodifiableMap(new java.util.TreeMap<>(inputPaths));
    this.inputTemplate = Objects.requireNonNull(inputTemplate, "inputTemplate == null");
    this.input = null;
    return this;
  }

  /** {@code State}: ENABLED (the default) or DISABLED, literal or a parameter. */
  public EventRule state(TemplateValue enabledOrDisabled) {
    this.state = enabledOrDisabled;
    return this;
  }

  /**
   * Keeps the events that could not start the state machine (after the retries of
   * {@link #retryPolicy}) in a dead-letter queue the template creates: {@code <id>DeadLetterQueue}
   * ({@code AWS::SQS::Queue}, encrypted with SQS-managed keys, messages kept 14 days). It may be
   * sent to only by EventBridge ({@code events.amazonaws.com}), by a queue policy that accepts
   * messages from this rule only ({@code aws:SourceArn}). Without it, such an event is lost without
   * a trace. Watch the queue
   * (its URL is {@link #deadLetterQueueUrl()}), for example with an alarm on
   * {@code ApproximateNumberOfMessagesVisible}.
   */
  public EventRule deadLetterQueue() {
    this.deadLetterQueue = true;
    return this;
  }

  /** The target's {@code RetryPolicy}; EventBridge's default (185 attempts over 24 hours) unless set. */
  public EventRule retryPolicy(int maximumRetryAttempts, int maximumEventAgeSeconds) {
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

  public TemplateValue scheduleExpression() {
    return scheduleExpression;
  }

  public ObjectValue eventPattern() {
    return eventPattern;
  }

  public TemplateValue eventBus() {
    return eventBus;
  }

  public Value input() {
    return input;
  }

  /** The transformer's paths by name, sorted; null without a transformer. */
  public Map<String, String> inputPaths() {
    return inputPaths == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(inputPaths));
  }

  public String inputTemplate() {
    return inputTemplate;
  }

  public TemplateValue state() {
    return state;
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
