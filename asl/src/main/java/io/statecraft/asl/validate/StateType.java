package io.statecraft.asl.validate;

import java.util.Optional;

/** The eight state types, as written in {@code Type}. */
enum StateType {
  TASK("Task"),
  PASS("Pass"),
  CHOICE("Choice"),
  WAIT("Wait"),
  SUCCEED("Succeed"),
  FAIL("Fail"),
  PARALLEL("Parallel"),
  MAP("Map");

  // values() copies the array on every call, and parse runs for every state.
  private static final StateType[] ALL = values();

  private final String written;

  StateType(String written) {
    this.written = written;
  }

  String written() {
    return written;
  }

  /** Whether the state needs exactly one of Next or End. */
  boolean transitions() {
    return this == TASK || this == PASS || this == WAIT || this == PARALLEL || this == MAP;
  }

  /** Whether the state produces a result ({@code $states.result} in JSONata). */
  boolean hasResult() {
    return this == TASK || this == PARALLEL || this == MAP;
  }

  static Optional<StateType> parse(String text) {
    for (StateType type : ALL) {
      if (type.written.equals(text)) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }

  static String allWritten() {
    StringBuilder text = new StringBuilder();
    for (StateType type : values()) {
      text.append(text.length() == 0 ? "" : ", ").append(type.written);
    }
    return text.toString();
  }
}
