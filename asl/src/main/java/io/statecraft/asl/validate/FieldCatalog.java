package io.statecraft.asl.validate;

import io.statecraft.dsl.QueryLanguage;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Which fields each state type takes in each query language, and which names the language knows
 * at all: the tables behind {@code FIELD_NOT_ALLOWED}, {@code UNKNOWN_FIELD} and the two
 * wrong-language codes. Kept as data so that a field the service adds is one line here.
 */
final class FieldCatalog {

  private FieldCatalog() {}

  // Plain loops, no lambdas or streams: this runs once per cold JVM on every generate, where each
  // lambda is a class spun at run time (issue 19, bench/RESULTS.md).
  private static final Set<String> EVERY_STATE = Set.of("Type", "Comment", "QueryLanguage");

  private static final Map<StateType, Set<String>> JSONPATH = new EnumMap<>(StateType.class);
  private static final Map<StateType, Set<String>> JSONATA = new EnumMap<>(StateType.class);

  static {
    JSONPATH.put(StateType.TASK, Set.of("Next", "End", "InputPath", "OutputPath", "ResultPath", "Parameters",
        "ResultSelector", "Resource", "Retry", "Catch", "TimeoutSeconds", "TimeoutSecondsPath", "HeartbeatSeconds",
        "HeartbeatSecondsPath", "Credentials", "Assign"));
    JSONPATH.put(StateType.PASS, Set.of("Next", "End", "InputPath", "OutputPath", "ResultPath", "Parameters",
        "Result", "Assign"));
    JSONPATH.put(StateType.CHOICE, Set.of("InputPath", "OutputPath", "Choices", "Default", "Assign"));
    JSONPATH.put(StateType.WAIT, Set.of("Next", "End", "InputPath", "OutputPath", "Seconds", "SecondsPath",
        "Timestamp", "TimestampPath", "Assign"));
    JSONPATH.put(StateType.SUCCEED, Set.of("InputPath", "OutputPath"));
    JSONPATH.put(StateType.FAIL, Set.of("Error", "ErrorPath", "Cause", "CausePath"));
    JSONPATH.put(StateType.PARALLEL, Set.of("Next", "End", "InputPath", "OutputPath", "ResultPath", "Parameters",
        "ResultSelector", "Branches", "Retry", "Catch", "Assign"));
    JSONPATH.put(StateType.MAP, Set.of("Next", "End", "InputPath", "OutputPath", "ResultPath", "Parameters",
        "ResultSelector", "ItemsPath", "ItemSelector", "ItemProcessor", "Iterator", "ItemReader", "ItemBatcher",
        "ResultWriter", "MaxConcurrency", "MaxConcurrencyPath", "ToleratedFailureCount", "ToleratedFailureCountPath",
        "ToleratedFailurePercentage", "ToleratedFailurePercentagePath", "Label", "Retry", "Catch", "Assign"));

    JSONATA.put(StateType.TASK, Set.of("Next", "End", "Resource", "Arguments", "Output", "Assign", "Retry", "Catch",
        "TimeoutSeconds", "HeartbeatSeconds", "Credentials"));
    JSONATA.put(StateType.PASS, Set.of("Next", "End", "Result", "Output", "Assign"));
    JSONATA.put(StateType.CHOICE, Set.of("Choices", "Default", "Output", "Assign"));
    JSONATA.put(StateType.WAIT, Set.of("Next", "End", "Seconds", "Timestamp", "Output", "Assign"));
    JSONATA.put(StateType.SUCCEED, Set.of("Output"));
    JSONATA.put(StateType.FAIL, Set.of("Error", "Cause"));
    JSONATA.put(StateType.PARALLEL, Set.of("Next", "End", "Arguments", "Output", "Assign", "Branches", "Retry",
        "Catch"));
    JSONATA.put(StateType.MAP, Set.of("Next", "End", "Items", "ItemSelector", "ItemProcessor", "Iterator",
        "ItemReader", "ItemBatcher", "ResultWriter", "MaxConcurrency", "ToleratedFailureCount",
        "ToleratedFailurePercentage", "Label", "Output", "Assign", "Retry", "Catch"));
  }

  /** The JSONata replacement of each JSONPath-only field, for messages. */
  private static final Map<String, String> JSONATA_INSTEAD = new LinkedHashMap<>();
  /** The JSONPath replacement of each JSONata-only field, for messages. */
  private static final Map<String, String> JSONPATH_INSTEAD = new LinkedHashMap<>();

  static {
    JSONATA_INSTEAD.put("InputPath", "read $states.input in Arguments instead");
    JSONATA_INSTEAD.put("Parameters", "use Arguments instead");
    JSONATA_INSTEAD.put("ResultSelector", "use Output with $states.result instead");
    JSONATA_INSTEAD.put("ResultPath", "use Output or Assign instead");
    JSONATA_INSTEAD.put("OutputPath", "use Output instead");
    JSONATA_INSTEAD.put("ItemsPath", "use Items with a {% %} expression instead");
    JSONATA_INSTEAD.put("Variable", "use Condition with a {% %} expression instead");
    JSONATA_INSTEAD.put("And", "use Condition with a {% %} expression instead");
    JSONATA_INSTEAD.put("Or", "use Condition with a {% %} expression instead");
    JSONATA_INSTEAD.put("Not", "use Condition with a {% %} expression instead");
    JSONPATH_INSTEAD.put("Arguments", "use Parameters instead");
    JSONPATH_INSTEAD.put("Output", "use ResultSelector, ResultPath or OutputPath instead");
    JSONPATH_INSTEAD.put("Items", "use ItemsPath instead");
    JSONPATH_INSTEAD.put("Condition", "use Variable with a comparison operator instead");
  }

  /** Field names of other ASL objects that are not states, so that they count as known. */
  private static final Set<String> OTHER_KNOWN = Set.of("StartAt", "States", "Version", "Variable", "Condition",
      "And", "Or", "Not", "ErrorEquals", "IntervalSeconds", "MaxAttempts", "BackoffRate", "MaxDelaySeconds",
      "JitterStrategy", "ProcessorConfig", "Mode", "ExecutionType", "ReaderConfig", "MaxItemsPerBatch",
      "MaxItemsPerBatchPath", "MaxInputBytesPerBatch", "MaxInputBytesPerBatchPath", "BatchInput", "WriterConfig",
      "RoleArn", "ItemsPointer");

  private static final Set<String> KNOWN = new HashSet<>();

  static {
    KNOWN.addAll(EVERY_STATE);
    for (Set<String> fields : JSONPATH.values()) {
      KNOWN.addAll(fields);
    }
    for (Set<String> fields : JSONATA.values()) {
      KNOWN.addAll(fields);
    }
    KNOWN.addAll(OTHER_KNOWN);
    KNOWN.addAll(ChoiceOperators.ALL.keySet());
  }

  /** Whether {@code type} takes {@code field} in {@code language}. */
  static boolean allows(StateType type, QueryLanguage language, String field) {
    if (EVERY_STATE.contains(field)) {
      return true;
    }
    return (language == QueryLanguage.JSONATA ? JSONATA : JSONPATH).get(type).contains(field);
  }

  /** Every field {@code type} takes in {@code language}, for a "did you mean". */
  static Set<String> fields(StateType type, QueryLanguage language) {
    Set<String> fields = new HashSet<>(EVERY_STATE);
    fields.addAll((language == QueryLanguage.JSONATA ? JSONATA : JSONPATH).get(type));
    return fields;
  }

  /** Whether {@code name} is a field of the language anywhere. */
  static boolean isKnown(String name) {
    return KNOWN.contains(name);
  }

  /** How to write {@code field} in the other language, for a message; never null. */
  static String insteadOf(String field, QueryLanguage stateLanguage) {
    String hint = stateLanguage == QueryLanguage.JSONATA ? JSONATA_INSTEAD.get(field) : JSONPATH_INSTEAD.get(field);
    if (hint != null) {
      return hint;
    }
    if (stateLanguage == QueryLanguage.JSONATA && field.endsWith("Path")) {
      return "use " + field.substring(0, field.length() - 4) + " with a {% %} expression instead";
    }
    return "remove it or change the state's QueryLanguage";
  }
}
