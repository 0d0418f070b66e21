package io.statecraft.asl.validate;

import com.fasterxml.jackson.databind.JsonNode;
import io.statecraft.dsl.workflow.WorkflowType;
import io.statecraft.asl.ProblemCode;
import io.statecraft.asl.Problems;
import io.statecraft.asl.json.JsonPointers;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * Task resources and the integration patterns they select: a Resource that is not an ARN, the
 * .sync and .waitForTaskToken patterns an Express workflow cannot run, a callback task that
 * never hands its token to the worker, and literal ARNs (the Resource, and those a Task passes
 * to the service it calls) that fit no ARN format of their service.
 */
final class IntegrationRules {

  // Plain loops, no lambdas or streams: this runs once per cold JVM on every generate, where each
  // lambda is a class spun at run time (issue 19, bench/RESULTS.md).
  private final Problems problems;
  private final ValidationOptions options;
  private final FieldChecks checks;

  private IntegrationRules(Problems problems, ValidationOptions options) {
    this.problems = problems;
    this.options = options;
    this.checks = new FieldChecks(problems);
  }

  static void check(DefinitionIndex index, ValidationOptions options, Problems problems) {
    IntegrationRules rules = new IntegrationRules(problems, options);
    for (StateEntry state : index.states()) {
      JsonNode resource = state.get("Resource");
      if (state.is(StateType.TASK) && resource != null && resource.isTextual()) {
        rules.checkResource(state, resource.textValue());
      }
      if (state.is(StateType.TASK)) {
        rules.checkArnValues(state, "Parameters");
        rules.checkArnValues(state, "Arguments");
        rules.checkArnValues(state, "Credentials");
      }
    }
  }

  private void checkResource(StateEntry state, String resource) {
    if (resource.isEmpty()) {
      problems.error(ProblemCode.INVALID_RESOURCE, state.pointer("Resource"),
          "Resource is empty; give the ARN of the integration, function or activity to run");
      return;
    }
    if (checks.arnPlaceholders(state.pointer("Resource"), "Resource", resource,
        ProblemCode.INVALID_RESOURCE)) {
      return;
    }
    Optional<String> invalid = TaskResourceArns.problem(resource);
    if (invalid.isPresent()) {
      problems.error(ProblemCode.INVALID_RESOURCE, state.pointer("Resource"), "Resource '" + resource + "' "
          + invalid.get());
    }
    // A function or activity ARN the service rejects ("INVALID_RESOURCE: The value of a Task-state
    // resource field is invalid", https://docs.aws.amazon.com/step-functions/latest/apireference/API_ValidateStateMachineDefinitionDiagnostic.html)
    // when it is not arn:partition:service:region:account:... ("Task workflow state",
    // https://docs.aws.amazon.com/step-functions/latest/dg/state-task.html). An integration's ARN
    // (arn:aws:states:::sns:publish) is no resource's ARN, so the catalogue has no format for it.
    // Only a Region or account of the wrong shape is a warning: test definitions make them up
    // (statelint's valid corpus has the account 42), as they make up resources that are no ARN.
    if (invalid.isEmpty() && isLiteralArn(resource) && !resource.contains(":states:::")) {
      Optional<ArnFormatCheck.Mismatch> found = ArnFormatCheck.problem(resource, "Resource");
      if (found.isPresent()) {
        ArnFormatCheck.Mismatch mismatch = found.get();
        String message = "Resource '" + resource + "' " + mismatch.reason();
        if (mismatch.regionOrAccount()) {
          problems.warning(ProblemCode.INVALID_RESOURCE, state.pointer("Resource"), message
              + "; the service runs no task at an ARN of this shape");
        } else {
          problems.error(ProblemCode.INVALID_RESOURCE, state.pointer("Resource"), message);
        }
      }
    }
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

  /**
   * The literal ARNs and queue URLs a Task passes to the service it calls, checked against their
   * formats ({@link ArnFormatCheck}): a malformed one is a warning, as the service accepts the
   * definition but the call fails at run time. Every {@code arn:} string is checked, except inside
   * the data a call only carries along (a Lambda Payload, a message, an item), where only keys named
   * like an ARN are ({@code ...Arn}, {@code ...ARN}, {@code ...FunctionName}). Skipped: {@code .$}
   * keys (paths and intrinsics), {@code ${...}} placeholders, and patterns with {@code *} or
   * {@code ?} (an IAM policy's resources). Plain string tests: a definition without a literal ARN
   * loads neither {@code ArnFormatCheck} nor the catalogue.
   */
  private void checkArnValues(StateEntry state, String field) {
    JsonNode value = state.get(field);
    if (value != null && value.isContainerNode()) {
      walkArnValues(value, state.pointer(field), false);
    }
  }

  private void walkArnValues(JsonNode container, String pointer, boolean data) {
    if (container.isArray()) {
      for (int i = 0; i < container.size(); i++) {
        JsonNode item = container.get(i);
        if (item.isContainerNode()) {
          walkArnValues(item, JsonPointers.child(pointer, i), data);
        } else if (!data && item.isTextual() && isLiteralArn(item.textValue())) {
          reportArn(JsonPointers.child(pointer, i), item.textValue(), JsonPointers.lastToken(pointer));
        }
      }
      return;
    }
    for (Iterator<Map.Entry<String, JsonNode>> fields = container.fields(); fields.hasNext(); ) {
      Map.Entry<String, JsonNode> field = fields.next();
      String key = field.getKey();
      JsonNode value = field.getValue();
      if (key.endsWith(".$")) {
        continue;
      }
      if (value.isContainerNode()) {
        walkArnValues(value, JsonPointers.child(pointer, key), data || carriesData(key));
      } else if (value.isTextual()) {
        String text = value.textValue();
        if (isLiteralArn(text) && (!data || namesAnArn(key))) {
          reportArn(JsonPointers.child(pointer, key), text, key);
        } else if (!data && key.equals("QueueUrl") && isLiteral(text)) {
          String at = JsonPointers.child(pointer, key);
          Optional<String> reason = ArnFormatCheck.queueUrlProblem(text);
          if (reason.isPresent()) {
            problems.warning(ProblemCode.MALFORMED_ARN, at, "QueueUrl '" + text + "' " + reason.get()
                + "; the service accepts the definition, but the call fails at run time");
          }
        }
      }
    }
  }

  private void reportArn(String pointer, String arn, String key) {
    Optional<ArnFormatCheck.Mismatch> mismatch = ArnFormatCheck.problem(arn, key);
    if (mismatch.isPresent()) {
      problems.warning(ProblemCode.MALFORMED_ARN, pointer, "ARN '" + arn + "' " + mismatch.get().reason()
          + "; the service accepts the definition, but the call fails at run time");
    }
  }

  private static boolean isLiteralArn(String text) {
    return text.startsWith("arn:") && isLiteral(text);
  }

  // A placeholder is filled in at deploy time; * and ? make a pattern (an IAM policy's Resource).
  private static boolean isLiteral(String text) {
    return !text.contains("${") && text.indexOf('*') < 0 && text.indexOf('?') < 0;
  }

  private static boolean namesAnArn(String key) {
    return key.endsWith("Arn") || key.endsWith("ARN") || key.endsWith("FunctionName");
  }

  /** Fields whose value a call carries along as data (a payload, a message, an item), not reads as ARNs. */
  private static boolean carriesData(String key) {
    switch (key) {
      case "Payload", "Input", "Message", "MessageBody", "MessageAttributes", "Detail", "RequestBody", "Body",
          "Item", "Key", "ExpressionAttributeValues", "Environment":
        return true;
      default:
        return false;
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
