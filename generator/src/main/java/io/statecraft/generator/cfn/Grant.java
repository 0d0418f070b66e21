package io.statecraft.generator.cfn;

import io.statecraft.dsl.IamStatement;
import io.statecraft.dsl.SourceLocation;
import io.statecraft.dsl.workflow.TemplateCondition;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A statement to grant, with where it came from, so that a problem in it points at the Java
 * line that declared it.
 *
 * @param statement the statement as declared
 * @param origin what declared it: a state's name, or a part of the template such as {@code logging}
 * @param source the Java line that built the state, when known
 * @param sid the Sid for a {@code *} statement, when the generator names it; null to derive one
 * @param condition the template condition under which it is granted; null for always
 */
record Grant(IamStatement statement, String origin, SourceLocation source, String sid, TemplateCondition condition) {

  Grant(IamStatement statement, String origin, SourceLocation source) {
    this(statement, origin, source, null, null);
  }

  Grant(IamStatement statement, String origin, SourceLocation source, String sid) {
    this(statement, origin, source, sid, null);
  }

  Grant {
    Objects.requireNonNull(statement, "statement == null");
    Objects.requireNonNull(origin, "origin == null");
  }

  /** Whether a resource or condition names the workflow's own state machine. */
  boolean referencesStateMachine() {
    // Plain loops, no streams: this runs once per cold JVM on every generate, where each lambda is
    // a class spun at run time (issue 19, bench/RESULTS.md).
    for (String resource : statement.resources()) {
      if (namesStateMachine(resource)) {
        return true;
      }
    }
    for (Map<String, List<String>> keys : statement.conditions().values()) {
      for (List<String> values : keys.values()) {
        for (String value : values) {
          if (namesStateMachine(value)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static boolean namesStateMachine(String text) {
    return text.contains("${StateMachine}") || text.contains("${StateMachine.");
  }
}
