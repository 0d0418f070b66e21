package io.statecraft.dsl.workflow;

/**
 * How often EventBridge (a rule's target) or EventBridge Scheduler (a schedule's target) tries
 * again to start the state machine when {@code StartExecution} fails, such as when it is
 * throttled: the target's {@code RetryPolicy}. After the last attempt, or once the event is older
 * than {@code maximumEventAgeSeconds}, the event goes to the trigger's dead-letter queue if it has
 * one, and is dropped otherwise.
 *
 * @param maximumRetryAttempts {@code MaximumRetryAttempts}, 0 to 185
 * @param maximumEventAgeSeconds {@code MaximumEventAgeInSeconds}, 60 to 86400
 */
public record TargetRetryPolicy(int maximumRetryAttempts, int maximumEventAgeSeconds) {

  /** The least AWS accepts for {@link #maximumRetryAttempts()}: 0, no retry. */
  public static final int MIN_ATTEMPTS = 0;
  /** The most AWS accepts for {@link #maximumRetryAttempts()}. */
  public static final int MAX_ATTEMPTS = 185;
  /** The least AWS accepts for {@link #maximumEventAgeSeconds()}: one minute. */
  public static final int MIN_EVENT_AGE_SECONDS = 60;
  /** The most AWS accepts for {@link #maximumEventAgeSeconds()}: one day. */
  public static final int MAX_EVENT_AGE_SECONDS = 86_400;
}
