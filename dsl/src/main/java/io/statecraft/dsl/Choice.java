package io.statecraft.dsl;

import io.statecraft.dsl.asl.AslChoice;
import io.statecraft.dsl.asl.AslChoiceRule;
import io.statecraft.dsl.asl.AslState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A {@code Choice} state: goes to the target of the first rule that holds, else to the
 * {@link #otherwise(State) default}. Without a default, no match fails the execution with
 * {@code States.NoChoiceMatched}.
 */
public final class Choice extends State<Choice> implements HasInputOutput<Choice>, HasAssign<Choice> {

  private record Rule(Condition condition, State<?> target, Value assign, Value output) {}

  private final List<Rule> rules = new ArrayList<>();
  private State<?> otherwise;

  private Choice(String name) {
    super(name);
  }

  /**
   * A new Choice state called {@code name}, its key under {@code States} (unique in the state
   * machine; other states and error messages refer to it by this name). Add rules with {@code
   * when(...)} and the fallback with {@code otherwise(...)}.
   */
  public static Choice named(String name) {
    return new Choice(name);
  }

  /** A rule: when {@code condition} holds, go to {@code target}. */
  public Choice when(Condition condition, State<?> target) {
    return when(condition, target, null, null);
  }

  /**
   * A rule that also sets variables ({@code Assign}) and, in JSONata, the output
   * ({@code Output}) when it is taken.
   */
  public Choice when(Condition condition, State<?> target, ObjectValue assign, Value output) {
    rules.add(new Rule(Objects.requireNonNull(condition, "condition == null"),
        Objects.requireNonNull(target, "target == null"), assign, output));
    target.linkedFrom(this);
    return this;
  }

  /** {@code Default}: where to go when no rule holds. */
  public Choice otherwise(State<?> target) {
    this.otherwise = Objects.requireNonNull(target, "target == null");
    target.linkedFrom(this);
    return this;
  }

  @Override
  List<State<?>> successors() {
    List<State<?>> targets = new ArrayList<>();
    for (Rule rule : rules) {
      targets.add(rule.target());
    }
    if (otherwise != null) {
      targets.add(otherwise);
    }
    return targets;
  }

  @Override
  AslState toAsl(DefinitionBuilder builder) {
    List<AslChoiceRule> choices = new ArrayList<>();
    for (Rule rule : rules) {
      choices.add(new AslChoiceRule(rule.condition(), rule.target().name(), rule.assign(), rule.output(), Map.of()));
    }
    return new AslChoice(commentValue(), queryLanguageValue(), io, choices,
        otherwise == null ? null : otherwise.name(), extensionsValue());
  }
}
