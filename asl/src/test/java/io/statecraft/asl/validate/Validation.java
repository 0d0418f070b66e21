package io.statecraft.asl.validate;

import com.fasterxml.jackson.databind.JsonNode;
import io.statecraft.asl.Problem;
import io.statecraft.asl.json.DocumentException;
import io.statecraft.asl.json.JsonDocuments;
import io.statecraft.dsl.workflow.WorkflowType;
import java.util.List;

/** Test helpers: validate a definition written inline and get its report as lines. */
final class Validation {

  private Validation() {}

  /** The report of a definition, one {@link Problem#describe()} line per problem, in order. */
  static List<String> problems(String json) {
    return problems(null, json);
  }

  /** The report for a workflow of {@code type}; null when the type is not known. */
  static List<String> problems(WorkflowType type, String json) {
    return AslValidator.validate(tree(json), ValidationOptions.defaults().withType(type)).stream()
        .map(Problem::describe)
        .toList();
  }

  static JsonNode tree(String json) {
    try {
      return JsonDocuments.parse(json, "test.json");
    } catch (DocumentException e) {
      throw new AssertionError("the test definition does not parse: " + e.getMessage(), e);
    }
  }
}
