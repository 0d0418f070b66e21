package io.statecraft.dsl.asl;

import io.statecraft.dsl.Value;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One {@code Catch} entry: which errors to catch and where to go with the error output.
 *
 * @param resultPath JSONPath: where the error output goes ({@code NullValue} to drop it)
 * @param output JSONata: the output passed to {@code next}
 * @param assign variables set when the catcher fires
 */
public record AslCatcher(
    List<String> errorEquals,
    String next,
    Value resultPath,
    Value output,
    Value assign,
    String comment,
    Map<String, Value> extensions) {

  /**
   * Checks that the catcher names its {@code Next} state and keeps unmodifiable copies of its
   * lists.
   */
  public AslCatcher {
    errorEquals = List.copyOf(errorEquals);
    Objects.requireNonNull(next, "next == null");
    extensions = Extensions.copy(extensions);
  }
}
