package io.statecraft.dsl.workflow;

import io.statecraft.dsl.Value;
import java.util.Objects;

/**
 * What every {@link Trigger} has, written once: its logical id, its description, and the execution
 * input it starts the state machine with.
 *
 * @param <T> the trigger's own type, so that chained calls keep it
 */
public abstract sealed class TriggerOptions<T extends TriggerOptions<T>> implements Trigger
    permits TargetOptions, MaintenanceWindow {

  private final String logicalId;
  private String description;
  private Value input;

  TriggerOptions(String logicalId) {
    this.logicalId = Objects.requireNonNull(logicalId, "logicalId == null");
  }

  // The subclasses are final and declare themselves as T, so this cast always holds.
  @SuppressWarnings("unchecked")
  final T self() {
    return (T) this;
  }

  /** {@code Description}. */
  public T description(String description) {
    this.description = description;
    return self();
  }

  final T setInput(Value input) {
    this.input = input;
    return self();
  }

  @Override
  public String logicalId() {
    return logicalId;
  }

  @Override
  public String description() {
    return description;
  }

  @Override
  public Value input() {
    return input;
  }
}
