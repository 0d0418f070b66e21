package io.statecraft.dsl.asl;

import io.statecraft.dsl.QueryLanguage;
import io.statecraft.dsl.Value;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A {@code Task} state: calls {@code resource} (an integration ARN, an activity or a function).
 *
 * @param timeoutSeconds a number, a {@link io.statecraft.dsl.Jsonata} expression, or a placeholder
 * @param timeoutSecondsPath JSONPath: a reference path to the timeout
 * @param credentials {@code {"RoleArn": ...}} for cross-account calls
 */
public record AslTask(
    String comment,
    QueryLanguage queryLanguage,
    String resource,
    Value credentials,
    AslIo io,
    Value timeoutSeconds,
    Value timeoutSecondsPath,
    Value heartbeatSeconds,
    Value heartbeatSecondsPath,
    List<AslRetrier> retry,
    List<AslCatcher> catchers,
    String next,
    boolean end,
    Map<String, Value> extensions) implements AslState {

  /**
   * Checks that the task names its {@code Resource} and keeps unmodifiable copies of its retriers,
   * catchers and unknown fields; a null {@code io} means {@link AslIo#NONE}.
   */
  public AslTask {
    Objects.requireNonNull(resource, "resource == null");
    io = io == null ? AslIo.NONE : io;
    retry = List.copyOf(retry);
    catchers = List.copyOf(catchers);
    extensions = Extensions.copy(extensions);
  }

  @Override
  public String type() {
    return "Task";
  }

  @Override
  public List<String> transitions() {
    return Transitions.of(next, catchers);
  }

  @Override
  public boolean isTerminal() {
    return end;
  }
}
