package io.statecraft.asl.validate;

import com.fasterxml.jackson.databind.JsonNode;
import io.statecraft.dsl.workflow.WorkflowType;
import io.statecraft.asl.ProblemCode;
import io.statecraft.asl.Problems;

/**
 * Task resources and the integration patterns they select: a Resource that is not an ARN, the
 * .sync and .waitForTaskToken patterns an Express workflow cannot run, and a callback task that
 * never hands its token to the worker.
 */
final class IntegrationRules {

  private final Problems problems;
  private final ValidationOptions options;

  private IntegrationRules(Problems problems, ValidationOptions options) {
    this.problems = problems;
    this.options = options;
  }

  static void check(DefinitionIndex index, ValidationOptions options, Problems problems) {
    IntegrationRules rules = new IntegrationRules(problems, options);
    for (StateEntry state : index.states()) {
      JsonNode resource = state.get("Resource");
      if (state.is(StateType.TASK) && resource != null && resource.isTextual()) {
        rules.checkResource(state, resource.textValue());
      }
    }
  }

  private void checkResource(StateEntry state, String resource) {
    if (resource.isEmpty()) {
      problems.error(ProblemCode.INVALID_RESOURCE, state.pointer("Resource"),
          "Resource is empty; give the ARN of the integration, function or activity to run");
      return;
    }
    if (new FieldChecks(problems).arnPlaceholders(state.pointer("Resource"), "Resource", resource,
        ProblemCode.INVALID_RESOURCE)) {
      return;
    }
    TaskResourceArns.problem(resource).ifPresent(reason -> problems.error(ProblemCode.INVALID_RESOURCE,
        state.pointer("Resource"), "Resource '" + resource + "' " + reason));
    // "${...}" is filled in at deploy time, by DefinitionSubstitutions or Fn::Sub ("${Fn.Arn}").
    if (!resource.startsWith("arn:") && !resource.contains("${")) {
      problems.warning(ProblemCode.INVALID_RESOURCE, state.pointer("Resource"), "Resource '" + resource + "' is not an ARN; the "
          + "service rejects it, so give the ARN of an integration, function or activity, or a ${Name} placeholder");
    }
    boolean sync = resource.endsWith(".sync") || resource.endsWith(".sync:2");
    boolean callback = resource.endsWith(".waitForTaskToken");
    if ((sync || callback) && options.type() == WorkflowType.EXPRESS) {
      problems.error(ProblemCode.EXPRESS_UNSUPPORTED_INTEGRATION, state.pointer("Resource"), "Express workflows support only "
          + "request-response integrations, but '" + resource + "' uses the " + (sync ? ".sync (run a job)" : ".waitForTaskToken (callback)")
          + " pattern; drop the suffix, or deploy the workflow as STANDARD");
    }
    if (callback && !passesTaskToken(state)) {
      String field = state.isJsonata() ? "Arguments" : "Parameters";
      String token = state.isJsonata()
          ? "\"TaskToken\": \"{% $states.context.Task.Token %}\""
          : "\"TaskToken.$\": \"$$.Task.Token\"";
      problems.error(ProblemCode.MISSING_TASK_TOKEN, state.pointer("Resource"), "a .waitForTaskToken task waits until a worker "
          + "returns its task token, but " + field + " never passes it; add " + token + " to " + field
          + " (for Lambda, inside Payload)");
    }
  }

  private static boolean passesTaskToken(StateEntry state) {
    JsonNode payload = state.get(state.isJsonata() ? "Arguments" : "Parameters");
    String token = state.isJsonata() ? "$states.context.Task.Token" : "$$.Task.Token";
    return payload != null && mentions(payload, token);
  }

  private static boolean mentions(JsonNode value, String token) {
    if (value.isTextual()) {
      return value.textValue().contains(token);
    }
    for (JsonNode child : value) {
      if (mentions(child, token)) {
        return true;
      }
    }
    return false;
  }
}
