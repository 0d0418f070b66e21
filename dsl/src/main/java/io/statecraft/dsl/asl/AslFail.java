package io.statecraft.dsl.asl;

import io.statecraft.dsl.QueryLanguage;
import io.statecraft.dsl.Value;
import java.util.List;
import java.util.Map;

/**
 * A {@code Fail} state: ends the execution with an error name and a cause.
 *
 * @param error a literal name, or in JSONata an expression
 * @param errorPath JSONPath: a reference path or an intrinsic call giving the name
 * @param cause a literal cause, or in JSONata an expression
 * @param causePath JSONPath: a reference path or an intrinsic call giving the cause
 */
public record AslFail(
    String comment,
    QueryLanguage queryLanguage,
    Value error,
    Value errorPath,
    Value cause,
    Value causePath,
    Map<String, Value> extensions) implements AslState {

  /** Keeps an unmodifiable copy of the unknown fields. */
  public AslFail {
    extensions = Extensions.copy(extensions);
  }

  @Override
  public String type() {
    return "Fail";
  }

  @Override
  public AslIo io() {
    return AslIo.NONE;
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
