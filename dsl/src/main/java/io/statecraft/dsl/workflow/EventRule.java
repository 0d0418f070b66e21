package io.statecraft.dsl.workflow;

import io.statecraft.dsl.ObjectValue;
import io.statecraft.dsl.Value;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * An EventBridge rule ({@code AWS::Events::Rule}) that starts the workflow on a schedule (UTC
 * only; prefer {@link Schedule} for a time zone) or when an event matches a pattern, passing the
 * event, a fixed input, or the event reshaped by an input transformer. Its description, input,
 * state, retry policy and dead-letter queue are the {@link TargetOptions} every EventBridge
 * trigger has.
 *
 * <pre>{@code
 * EventRule.named("ExposedKeyRule")
 *     .eventPattern(Json.object().put("source", Json.strings("aws.health"))
 *         .put("detail-type", Json.strings("AWS Health Event"))
 *         .put("detail", Json.object().put("eventTypeCode", Json.strings("AWS_RISK_CREDENTIALS_EXPOSED"))).build())
 *     .inputTransformer(Map.of("event", "$.detail"), "{\"event\": <event>}");
 * }</pre>
 */
public final class EventRule extends TargetOptions<EventRule> {

  private TemplateValue scheduleExpression;
  private ObjectValue eventPattern;
  private TemplateValue eventBus;
  private Map<String, String> inputPaths;
  private String inputTemplate;

  private EventRule(String logicalId) {
    super(logicalId);
  }

  /**
   * An EventBridge rule ({@code AWS::Events::Rule}) with the logical id {@code logicalId}, that
   * starts an execution of the workflow on a schedule or when an event matches its pattern. Prefer
   * {@link Schedule} for schedules (time zones, flexible windows); use a rule for events. List it
   * in the workflow's {@code triggers(...)}.
   */
  public static EventRule named(String logicalId) {
    return new EventRule(logicalId);
  }

  /** {@code ScheduleExpression}: {@code cron(0 8 ? * MON *)} or {@code rate(1 day)}, in UTC. */
  public EventRule schedule(TemplateValue expression) {
    this.scheduleExpression = expression;
    return this;
  }

  /**
   * {@code ScheduleExpression} written out: {@code cron(0 8 ? * MON *)} or {@code rate(1 day)}, in
   * UTC.
   */
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

  /** The target's {@code Input}: a fixed execution input instead of the event (and of an input transformer). */
  @Override
  public EventRule input(Value input) {
    this.inputPaths = null;
    this.inputTemplate = null;
    return super.input(input);
  }

  /**
   * The target's {@code InputTransformer}: JSON paths into the event by name, and a template that
   * uses them as {@code <name>}; replaces a fixed {@link #input(Value) input}.
   */
  public EventRule inputTransformer(Map<String, String> inputPaths, String inputTemplate) {
    this.inputPaths = Collections.unmodifiableMap(new TreeMap<>(inputPaths));
    this.inputTemplate = Objects.requireNonNull(inputTemplate, "inputTemplate == null");
    return setInput(null);
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.rule(this);
  }

  /** The rule's {@code ScheduleExpression}, or null for an event rule. */
  public TemplateValue scheduleExpression() {
    return scheduleExpression;
  }

  /** The rule's {@code EventPattern}, or null for a scheduled rule. */
  public ObjectValue eventPattern() {
    return eventPattern;
  }

  /** The bus the rule listens on ({@code EventBusName}), or null for the account's default bus. */
  public TemplateValue eventBus() {
    return eventBus;
  }

  /** The transformer's paths by name, sorted; null without a transformer. */
  public Map<String, String> inputPaths() {
    return inputPaths == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(inputPaths));
  }

  /**
   * The transformer's {@code InputTemplate}, in which {@code <name>} stands for the value of the
   * path of that name; null without a transformer.
   */
  public String inputTemplate() {
    return inputTemplate;
  }
}
