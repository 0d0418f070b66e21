package io.statecraft.asl.flow;

import io.statecraft.asl.Problem;
import io.statecraft.asl.ProblemCode;
import io.statecraft.asl.json.DocumentException;
import io.statecraft.asl.json.JsonDocuments;
import io.statecraft.asl.validate.AslValidator;
import io.statecraft.asl.validate.ValidationOptions;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Test helpers: the validator's report on a definition, and the part of it the data flow makes. */
final class FlowReport {

  /** The codes of io.statecraft.asl.flow. */
  static final Set<ProblemCode> DATA_FLOW_CODES = EnumSet.of(ProblemCode.UNASSIGNED_VARIABLE,
      ProblemCode.VARIABLE_OUT_OF_SCOPE, ProblemCode.UNUSED_VARIABLE, ProblemCode.FIELD_NOT_IN_INPUT,
      ProblemCode.TYPE_MISMATCH, ProblemCode.UNKNOWN_RESULT_FIELD);

  private FlowReport() {}

  /** The whole report of a definition written inline, one {@link Problem#describe()} line per problem. */
  static List<String> problems(String json) {
    try {
      return describe(AslValidator.validate(JsonDocuments.parse(json, "test.json"), ValidationOptions.defaults()));
    } catch (DocumentException e) {
      throw new AssertionError("the test definition does not parse: " + e.getMessage(), e);
    }
  }

  /** The data-flow lines of a file's report. */
  static List<String> dataFlowProblems(Path file) throws DocumentException {
    return AslValidator.validate(JsonDocuments.read(file), ValidationOptions.defaults()).stream()
        .filter(problem -> DATA_FLOW_CODES.contains(problem.problemCode()))
        .map(Problem::describe)
        .toList();
  }

  static List<String> describe(List<Problem> problems) {
    return problems.stream().map(Problem::describe).toList();
  }
}
