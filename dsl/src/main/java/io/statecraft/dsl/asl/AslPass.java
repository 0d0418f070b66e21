package io.statecraft.dsl.asl;

import io.statecraft.dsl.QueryLanguage;
import io.statecraft.dsl.Value;
import java.util.List;
import java.util.Map;

/**
 * A {@code Pass} state: passes its input on, optionally shaped, or a fixed {@code Result}.
 *
 * @param result JSONPath: the fixed result, any JSON; {@code .$} keys in it are plain text
 */
public record AslPass(
    String comment,
    QueryLanguage queryLanguage,
    AslIo io,
    Value result,
    String next,
    boolean end,
    Map<String, Value> extensions) implements AslState {

  /**
   * Keeps an unmodifiable copy of the unknown fields; a null {@code io} means {@link AslIo#NONE}.
   */
  public AslPass {
    io = io == null ? AslIo.NONE : io;
    extensions = Extensions.copy(extensions);
  }

  @Override
  public String type() {
    return "Pass";
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
