package io.statecraft.dsl.asl;

import java.util.ArrayList;
import java.util.List;

/** The targets a state can move to, in the order they appear in the state. */
final class Transitions {

  private Transitions() {}

  static List<String> of(String next, List<AslCatcher> catchers) {
    List<String> targets = new ArrayList<>();
    if (next != null) {
      targets.add(next);
    }
    catchers.forEach(c -> targets.add(c.next()));
    return List.copyOf(targets);
  }
}
