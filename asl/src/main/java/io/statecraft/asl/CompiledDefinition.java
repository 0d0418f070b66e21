package io.statecraft.asl;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.statecraft.dsl.asl.AslDefinition;
import java.util.List;

/**
 * A state machine definition ready to write, with every problem found in it.
 *
 * @param definition the model
 * @param json the canonical JSON tree
 * @param text the canonical JSON text, ending with a newline
 * @param problems errors and warnings, sorted with {@link Problem#ORDER}
 */
public record CompiledDefinition(AslDefinition definition, ObjectNode json, String text, List<Problem> problems) {

  public CompiledDefinition {
    problems = List.copyOf(problems);
  }

  public boolean hasErrors() {
    for (Problem problem : problems) {
      if (problem.isError()) {
        return true;
      }
    }
    return false;
  }

  /**
   * This definition when it has no error; otherwise a {@link ProblemException} with every problem.
   *
   * @param subject what the summary line names, such as {@code workflow patch-alerts}
   */
  public CompiledDefinition orThrow(String subject) {
    if (hasErrors()) {
      throw new ProblemException(subject, problems);
    }
    return this;
  }
}
