package io.statecraft.asl.validate;

import io.statecraft.asl.Problem;
import java.util.ArrayList;
import java.util.List;

/** Collects every problem found; rules add to it and never stop early. */
final class Problems {

  private final List<Problem> found = new ArrayList<>();

  void error(String code, String pointer, String message) {
    found.add(Problem.error(code, pointer, message));
  }

  void warning(String code, String pointer, String message) {
    found.add(Problem.warning(code, pointer, message));
  }

  List<Problem> all() {
    return found;
  }
}
