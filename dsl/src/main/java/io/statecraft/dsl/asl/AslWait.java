package io.statecraft.dsl.asl;

import io.statecraft.dsl.QueryLanguage;
import io.statecraft.dsl.Value;
import java.util.List;
import java.util.Map;

/**
 * A {@code Wait} state: pauses for {@code seconds} or until {@code timestamp}; exactly one of
 * the four fields is set.
 *
 * @param seconds a number, or in JSONata an expression
 * @param timestamp an ISO-8601 timestamp, or in JSONata an expression
 */
public record AslWait(
    String comment,
    QueryLanguage queryLanguage,
    AslIo io,
    Value seconds,
    Value secondsPath,
    Value timestamp,
    Value timestampPath,
    String next,
    boolean end,
    Map<String, Value> extensions) implements AslState {

  /**
   * Keeps an unmodifiable copy of the unknown fields; a null {@code io} means {@link AslIo#NONE}.
   */
  public AslWait {
    io = io == null ? AslIo.NONE : io;
    extensions = Extensions.copy(extensions);
  }

  @Override
  public String type() {
    return "Wait";
  }

  @Override
  public List<String> transitions() {
    return Transitions.of(next, List.of());
  }

  @Override
  public boolean isTerminal() {
    return end;
  }
}
