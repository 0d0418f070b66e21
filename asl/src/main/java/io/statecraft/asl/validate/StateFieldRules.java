package io.statecraft.asl.validate;

import com.fasterxml.jackson.databind.JsonNode;
import io.statecraft.asl.ProblemCode;
import io.statecraft.asl.Problems;
import io.statecraft.dsl.Jsonata;
import io.statecraft.asl.json.JsonPointers;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The values of each state type's own fields: Task timeouts and Credentials, Wait durations,
 * Map concurrency, tolerated failures, Label and ProcessorConfig, Parallel branches, Fail error
 * and cause.
 */
final class StateFieldRules {

  // Plain loops, no lambdas or streams: this runs once per cold JVM on every generate, where each
  // lambda is a class spun at run time (issue 19, bench/RESULTS.md).
  /** Characters a Map Label may not contain, besides white space and control characters. */
  private static final String LABEL_FORBIDDEN = "<>{}[]?*\"#%\\^|~`$&,;:/";
  static final int MAX_LABEL_LENGTH = 40;

  private static final Set<String> DISTRIBUTED_ONLY = Set.of("ItemReader", "ItemBatcher", "ResultWriter");

  private final Problems problems;
  private final FieldChecks checks;
  private final Map<String, String> labels = new HashMap<>();

  private StateFieldRules(Problems problems) {
    this.problems = problems;
    this.checks = new FieldChecks(problems);
  }

  static void check(DefinitionIndex index, Problems problems) {
    StateFieldRules rules = new StateFieldRules(problems);
    for (StateEntry state : index.states()) {
      if (state.node() == null || state.type() == null) {
        continue;
      }
      switch (state.type()) {
        case TASK:
          rules.checkTask(state);
          break;
        case WAIT:
          rules.checkWait(state);
          break;
        case MAP:
          rules.checkMap(state);
          break;
        case PARALLEL:
          rules.checkParallel(state);
          break;
        case FAIL:
          rules.checkFail(state);
          break;
        default:
          break;
      }
    }
  }

  private void checkTask(StateEntry state) {
    JsonNode resource = state.get("Resource");
    if (resource != null && !resource.isTextual()) {
      problems.error(ProblemCode.INVALID_VALUE_TYPE, state.pointer("Resource"),
          "Resource must be an ARN string, got " + FieldChecks.shown(resource));
    }
    boolean jsonata = state.isJsonata();
    BigDecimal timeout = checks.number(state.node(), state.pointer(), FieldChecks.NumberSpec
        .integer("TimeoutSeconds", 1, FieldChecks.MAX_SECONDS).jsonataAllowed(jsonata).readAtRunTimeWith("TimeoutSecondsPath"));
    BigDecimal heartbeat = checks.number(state.node(), state.pointer(), FieldChecks.NumberSpec
        .integer("HeartbeatSeconds", 1, FieldChecks.MAX_SECONDS).jsonataAllowed(jsonata).readAtRunTimeWith("HeartbeatSecondsPath"));
    if (timeout != null && heartbeat != null && heartbeat.compareTo(timeout) >= 0) {
      problems.error(ProblemCode.HEARTBEAT_NOT_BELOW_TIMEOUT, state.pointer("HeartbeatSeconds"), "HeartbeatSeconds ("
          + heartbeat.toPlainString() + ") must be less than TimeoutSeconds (" + timeout.toPlainString()
          + "), or the task times out before a missed heartbeat could be noticed; lower it or raise TimeoutSeconds");
    }
    checkCredentials(state);
  }

  private void checkCredentials(StateEntry state) {
    JsonNode credentials = state.get("Credentials");
    if (credentials == null) {
      return;
    }
    String pointer = state.pointer("Credentials");
    if (!credentials.isObject()) {
      problems.error(ProblemCode.INVALID_CREDENTIALS, pointer, "Credentials must be an object with the role to "
          + "assume, such as {\"RoleArn\": \"arn:aws:iam::123456789012:role/Target\"}, got " + FieldChecks.shown(credentials));
      return;
    }
    boolean hasRole = false;
    for (Iterator<String> names = credentials.fieldNames(); names.hasNext(); ) {
      String key = names.next();
      if (key.equals("RoleArn") || key.equals("RoleArn.$") && !state.isJsonata()) {
        hasRole = true;
      } else {
        // A warning, not an error: AWS's own linter takes any object here (its corpus has "roleArn").
        problems.warning(ProblemCode.UNKNOWN_FIELD, JsonPointers.child(pointer, key), key + " is not a field of "
            + "Credentials, which takes RoleArn" + (state.isJsonata() ? "" : " (or RoleArn.$)")
            + "; the service may reject it");
      }
    }
    if (!hasRole && credentials.isEmpty()) {
      problems.error(ProblemCode.MISSING_REQUIRED_FIELD, pointer, "Credentials needs RoleArn: the role to assume");
    }
  }

  private void checkWait(StateEntry state) {
    boolean jsonata = state.isJsonata();
    checks.number(state.node(), state.pointer(), FieldChecks.NumberSpec
        .integer("Seconds", 0, FieldChecks.MAX_SECONDS).jsonataAllowed(jsonata).readAtRunTimeWith("SecondsPath"));
    checks.timestamp(state.node(), state.pointer(), "Timestamp", jsonata);
  }

  private void checkParallel(StateEntry state) {
    JsonNode branches = state.get("Branches");
    if (branches == null) {
      return;
    }
    String pointer = state.pointer("Branches");
    if (!branches.isArray()) {
      problems.error(ProblemCode.INVALID_VALUE_TYPE, pointer, "Branches must be an array of branches, got "
          + FieldChecks.shown(branches));
    } else if (branches.isEmpty()) {
      problems.error(ProblemCode.EMPTY_ARRAY, pointer, "Branches is empty; a Parallel state needs at least one branch");
    } else {
      for (int i = 0; i < branches.size(); i++) {
        if (!branches.get(i).isObject()) {
          problems.error(ProblemCode.INVALID_VALUE_TYPE, JsonPointers.child(pointer, i),
              "a branch must be an object with StartAt and States, got " + FieldChecks.shown(branches.get(i)));
        }
      }
    }
  }

  private void checkFail(StateEntry state) {
    String error = checks.string(state.node(), state.pointer(), "Error");
    if (error != null) {
      ErrorHandlingRules.reservedName(problems, state.pointer("Error"), error);
    }
    checks.string(state.node(), state.pointer(), "Cause");
  }

  private void checkMap(StateEntry state) {
    boolean jsonata = state.isJsonata();
    checks.number(state.node(), state.pointer(), new FieldChecks.NumberSpec("MaxConcurrency", true, BigDecimal.ZERO,
        null, jsonata, "MaxConcurrencyPath"));
    checks.number(state.node(), state.pointer(), new FieldChecks.NumberSpec("ToleratedFailureCount", true,
        BigDecimal.ZERO, null, jsonata, "ToleratedFailureCountPath"));
    checks.number(state.node(), state.pointer(), new FieldChecks.NumberSpec("ToleratedFailurePercentage", false,
        BigDecimal.ZERO, BigDecimal.valueOf(100), jsonata, "ToleratedFailurePercentagePath"));
    JsonNode items = state.get("Items");
    if (items != null && jsonata && !items.isArray() && !(items.isTextual() && Jsonata.isExpression(items.textValue()))) {
      problems.error(ProblemCode.INVALID_VALUE_TYPE, state.pointer("Items"),
          "Items must be an array or a {% %} expression that gives one, got " + FieldChecks.shown(items));
    }
    checkLabel(state);
    checkProcessor(state);
  }

  private void checkLabel(StateEntry state) {
    String label = checks.string(state.node(), state.pointer(), "Label");
    if (label == null) {
      return;
    }
    String pointer = state.pointer("Label");
    int length = label.codePointCount(0, label.length());
    int bad = firstBadLabelCharacter(label);
    if (length == 0 || length > MAX_LABEL_LENGTH) {
      problems.error(ProblemCode.INVALID_LABEL_NAME, pointer, "Label '" + label + "' has " + length
          + " characters; a Label has 1 to " + MAX_LABEL_LENGTH);
    } else if (bad >= 0) {
      problems.error(ProblemCode.INVALID_LABEL_NAME, pointer, "Label '" + label + "' contains "
          + (Character.isWhitespace(bad) || GraphRules.isControl(bad) ? "white space or a control character"
              : "'" + Character.toString(bad) + "'") + "; use letters, digits, - and _");
    }
    String other = labels.putIfAbsent(label, state.pointer());
    if (other != null) {
      problems.error(ProblemCode.DUPLICATE_LABEL_NAME, pointer, "Label '" + label + "' is also used at " + other
          + "; labels must be unique in the state machine");
    }
  }

  private void checkProcessor(StateEntry state) {
    // Iterator is the older name of ItemProcessor, and the same object.
    String field = state.has("ItemProcessor") || !state.has("Iterator") ? "ItemProcessor" : "Iterator";
    JsonNode processor = state.get(field);
    String mode = "INLINE";
    if (processor != null && processor.isObject() && processor.has("ProcessorConfig")) {
      JsonNode config = processor.get("ProcessorConfig");
      String pointer = JsonPointers.child(state.pointer(field), "ProcessorConfig");
      if (!config.isObject()) {
        problems.error(ProblemCode.INVALID_VALUE_TYPE, pointer,
            "ProcessorConfig must be an object with Mode, got " + FieldChecks.shown(config));
      } else {
        mode = checkProcessorConfig(config, pointer);
      }
    } else if (processor != null && !processor.isObject()) {
      problems.error(ProblemCode.INVALID_VALUE_TYPE, state.pointer(field),
          field + " must be an object with StartAt and States, got " + FieldChecks.shown(processor));
    }
    if (!"DISTRIBUTED".equals(mode)) {
      for (String distributed : DISTRIBUTED_ONLY) {
        if (state.has(distributed)) {
          problems.error(ProblemCode.FIELD_NOT_ALLOWED, state.pointer(distributed), distributed + " needs a distributed Map; "
              + "set ItemProcessor.ProcessorConfig to {\"Mode\": \"DISTRIBUTED\", \"ExecutionType\": \"STANDARD\"} "
              + "(or EXPRESS), or remove " + distributed);
        }
      }
    }
    for (String distributed : DISTRIBUTED_ONLY) {
      JsonNode value = state.get(distributed);
      if (value != null && !value.isObject()) {
        problems.error(ProblemCode.INVALID_VALUE_TYPE, state.pointer(distributed),
            distributed + " must be an object, got " + FieldChecks.shown(value));
      }
    }
    if ("DISTRIBUTED".equals(mode)) {
      MapFieldRules.check(state, problems);
    }
  }

  /** Checks ProcessorConfig and returns its Mode (INLINE when absent or invalid). */
  private String checkProcessorConfig(JsonNode config, String pointer) {
    for (Iterator<String> names = config.fieldNames(); names.hasNext(); ) {
      String field = names.next();
      if (!field.equals("Mode") && !field.equals("ExecutionType")) {
        checks.unknownField(JsonPointers.child(pointer, field), field, "ProcessorConfig",
            List.of("Mode", "ExecutionType"));
      }
    }
    checks.oneOf(config, pointer, "Mode", List.of("INLINE", "DISTRIBUTED"), false);
    checks.oneOf(config, pointer, "ExecutionType", List.of("STANDARD", "EXPRESS"), false);
    JsonNode mode = config.get("Mode");
    boolean distributed = mode != null && "DISTRIBUTED".equals(mode.asText());
    if (distributed && !config.has("ExecutionType")) {
      problems.error(ProblemCode.MISSING_REQUIRED_FIELD, pointer, "a DISTRIBUTED Map needs ExecutionType: "
          + "STANDARD or EXPRESS, the type of the child workflow executions it starts");
    } else if (!distributed && config.has("ExecutionType")) {
      problems.error(ProblemCode.FIELD_NOT_ALLOWED, JsonPointers.child(pointer, "ExecutionType"),
          "ExecutionType applies only to \"Mode\": \"DISTRIBUTED\"; remove it or make the Map distributed");
    }
    return distributed ? "DISTRIBUTED" : "INLINE";
  }

  private static int firstBadLabelCharacter(String label) {
    for (int i = 0; i < label.length(); ) {
      int c = label.codePointAt(i);
      if (Character.isWhitespace(c) || GraphRules.isControl(c) || LABEL_FORBIDDEN.indexOf(c) >= 0) {
        return c;
      }
      i += Character.charCount(c);
    }
    return -1;
  }
}
