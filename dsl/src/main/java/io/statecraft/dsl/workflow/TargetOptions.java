package io.statecraft.dsl.workflow;

import io.statecraft.dsl.Value;

/**
 * What a trigger of the EventBridge family ({@link EventRule} and Scheduler {@link Schedule}) adds
 * to {@link TriggerOptions}, written once: whether it is enabled, and how its target retries and
 * keeps what it could not deliver.
 *
 * @param <T> the trigger's own type, so that chained calls keep it
 */
public abstract sealed class TargetOptions<T extends TargetOptions<T>> extends TriggerOptions<T>
    permits Schedule, EventRule {

  private TemplateValue state;
  private boolean deadLetterQueue;
  private TargetRetryPolicy retryPolicy;

  TargetOptions(String logicalId) {
    super(logicalId);
  }

  /** The target's {@code Input}: literal JSON (it may hold parameters' placeholders), instead of the event. */
  public T input(Value input) {
    return setInput(input);
  }

  /**
   * {@code State}: ENABLED (the default) or DISABLED, a literal or a {@code String} parameter with
   * those values.
   */
  public T state(TemplateValue enabledOrDisabled) {
    this.state = enabledOrDisabled;
    return self();
  }

  /**
   * Keeps the events that could not start the state machine (after the retries of
   * {@link #retryPolicy}) in a dead-letter queue the template creates: {@code <id>DeadLetterQueue}
   * ({@code AWS::SQS::Queue}, encrypted with SQS-managed keys, messages kept 14 days). Only this
   * trigger may send to it: a rule's queue accepts messages from EventBridge
   * ({@code events.amazonaws.com}) for this rule only ({@code aws:SourceArn}); a schedule's role,
   * which EventBridge Scheduler uses to deliver dead letters, may send to this queue only
   * ({@code sqs:SendMessage}). Without it, such an event is lost without a trace. Watch the queue
   * (its URL is {@link #deadLetterQueueUrl()}), for example with an alarm on
   * {@code ApproximateNumberOfMessagesVisible}.
   */
  public T deadLetterQueue() {
    this.deadLetterQueue = true;
    return self();
  }

  /** The target's {@code RetryPolicy}; the service's default (185 attempts over 24 hours) unless set. */
  public T retryPolicy(int maximumRetryAttempts, int maximumEventAgeSeconds) {
    this.retryPolicy = new TargetRetryPolicy(maximumRetryAttempts, maximumEventAgeSeconds);
    return self();
  }

  /** The state, or null when not set. */
  public TemplateValue state() {
    return state;
  }

  /**
   * Whether the trigger has a dead-letter queue ({@link #deadLetterQueue()}) that keeps the events
   * it could not deliver.
   */
  public boolean hasDeadLetterQueue() {
    return deadLetterQueue;
  }

  /** The logical id of the dead-letter queue: {@code <id>DeadLetterQueue}. */
  public String deadLetterQueueLogicalId() {
    return logicalId() + "DeadLetterQueue";
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
