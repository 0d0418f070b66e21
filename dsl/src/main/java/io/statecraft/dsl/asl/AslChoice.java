package io.statecraft.dsl.asl;

import io.statecraft.dsl.QueryLanguage;
import io.statecraft.dsl.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A {@code Choice} state: goes to the first rule whose test holds, else to {@code defaultState}.
 *
 * @param defaultState the {@code Default} target, or null (no match then fails the execution
 *     with {@code States.NoChoiceMatched})
 */
public record AslChoice(
    String comment,
    QueryLanguage queryLanguage,
    AslIo io,
    List<AslChoiceRule> choices,
    String defaultState,
    Map<String, Value> extensions) implements AslState {

  /**
   * Keeps unmodifiable copies of the rules (in order: the first that holds wins) and of the unknown
   * fields; a null {@code io} means {@link AslIo#NONE}.
   */
  public AslChoice {
    io = io == null ? AslIo.NONE : io;
    choices = List.copyOf(choices);
    extensions = Extensions.copy(extensions);
  }

  @Override
  public String type() {
    return "Choice";
  }

  @Override
  public List<String> transitions() {
    List<String> targets = new ArrayList<>();
    choices.forEach(rule -> targets.add(rule.next()));
    if (defaultState != null) {
      targets.add(defaultState);
    }
    return List.copyOf(targets);
  }

  @Override
  public boolean isTerminal() {
    return false;
  }
}
