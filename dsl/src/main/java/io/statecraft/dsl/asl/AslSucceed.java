package io.statecraft.dsl.asl;

import io.statecraft.dsl.QueryLanguage;
import io.statecraft.dsl.Value;
import java.util.List;
import java.util.Map;

/** A {@code Succeed} state: ends the execution (or branch) successfully. */
public record AslSucceed(
    String comment, QueryLanguage queryLanguage, AslIo io, Map<String, Value> extensions)
    implements AslState {

  /**
   * Keeps an unmodifiable copy of the unknown fields; a null {@code io} means {@link AslIo#NONE}.
   */
  public AslSucceed {
    io = io == null ? AslIo.NONE : io;
    extensions = Extensions.copy(extensions);
  }

  @Override
  public String type() {
    return "Succeed";
  }

  @Override
  public List<String> transitions() {
    return List.of();
  }

  @Override
  public boolean isTerminal() {
    return true;
  }
}
