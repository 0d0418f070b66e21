package io.statecraft.dsl.asl;

import io.statecraft.dsl.QueryLanguage;
import io.statecraft.dsl.Value;
import java.util.List;
import java.util.Map;

/** One state of a definition; the name is its key in the enclosing {@code States} object. */
public sealed interface AslState
    permits AslTask, AslPass, AslChoice, AslWait, AslSucceed, AslFail, AslParallel, AslMap {

  /** The {@code Type} as written: {@code Task}, {@code Pass}, ... */
  String type();

  /** The state's {@code Comment}, or null when it has none; the service ignores it. */
  String comment();

  /** The state's own {@code QueryLanguage}, or null to inherit the definition's. */
  QueryLanguage queryLanguage();

  /**
   * The fields that shape the state's data ({@code InputPath} ... {@code Assign}); {@link
   * AslIo#NONE} when it has none.
   */
  AslIo io();

  /** Fields the model does not know, kept as written. */
  Map<String, Value> extensions();

  /** The names of the states this one can go to next: Next, Choice targets, Default, catchers. */
  List<String> transitions();

  /** Whether an execution can stop here: {@code End: true}, Succeed or Fail. */
  boolean isTerminal();

  /** The {@code Next} state, or null: Task, Pass, Wait, Parallel and Map have one, Choice, Succeed and Fail none. */
  default String next() {
    return null;
  }

  /** The {@code Retry} list: Task, Parallel and Map have one, other states none. */
  default List<AslRetrier> retry() {
    return List.of();
  }

  /** The {@code Catch} list: Task, Parallel and Map have one, other states none. */
  default List<AslCatcher> catchers() {
    return List.of();
  }
}
