package io.statecraft.asl.validate;

import io.statecraft.asl.ProblemCode;
import io.statecraft.asl.Problems;
import io.statecraft.dsl.QueryLanguage;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.statecraft.asl.json.JsonPointers;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * The shape of the definition: the top-level fields, each scope's StartAt and States, each
 * state's Type, which fields a state may have for its type and query language, required fields,
 * fields that exclude each other, and Next versus End.
 */
final class StructureRules {

  private static final Set<String> TOP_LEVEL_FIELDS =
      Set.of("Comment", "StartAt", "States", "TimeoutSeconds", "Version", "QueryLanguage");
  private static final Set<String> BRANCH_FIELDS = Set.of("Comment", "StartAt", "States");
  private static final Set<String> ITEM_PROCESSOR_FIELDS = Set.of("Comment", "StartAt", "States", "ProcessorConfig");

  /** Pairs of fields of which a state may have at most one. */
  private static final List<List<String>> EXCLUSIVE = List.of(
      List.of("Error", "ErrorPath"),
      List.of("Cause", "CausePath"),
      List.of("TimeoutSeconds", "TimeoutSecondsPath"),
      List.of("HeartbeatSeconds", "HeartbeatSecondsPath"),
      List.of("ItemProcessor", "Iterator"),
      List.of("ItemSelector", "Parameters"),
      List.of("Items", "ItemsPath"),
      List.of("MaxConcurrency", "MaxConcurrencyPath"),
      List.of("ToleratedFailureCount", "ToleratedFailureCountPath"),
      List.of("ToleratedFailurePercentage", "ToleratedFailurePercentagePath"));

  private static final List<String> WAIT_DURATIONS = List.of("Seconds", "SecondsPath", "Timestamp", "TimestampPath");

  private final Problems problems;
  private final FieldChecks checks;

  private StructureRules(Problems problems) {
    this.problems = problems;
    this.checks = new FieldChecks(problems);
  }

  static void check(DefinitionIndex index, Problems problems) {
    StructureRules rules = new StructureRules(problems);
    rules.checkTopLevel(index.root());
    for (Scope scope : index.scopes()) {
      rules.checkScope(scope);
    }
    for (StateEntry state : index.states()) {
      rules.checkState(state, index.topLevelLanguage());
    }
  }

  private void checkTopLevel(ObjectNode root) {
    for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!TOP_LEVEL_FIELDS.contains(name)) {
        unexpectedField(JsonPointers.ROOT, name, "the top level of a state machine", TOP_LEVEL_FIELDS);
      }
    }
    checks.oneOf(root, JsonPointers.ROOT, "Version", List.of("1.0"), false);
    checks.oneOf(root, JsonPointers.ROOT, "QueryLanguage", List.of("JSONPath", "JSONata"), false);
    checks.number(root, JsonPointers.ROOT, FieldChecks.NumberSpec.integer("TimeoutSeconds", 1, FieldChecks.MAX_SECONDS));
  }

  private void checkScope(Scope scope) {
    ObjectNode node = scope.node();
    if (scope.kind() != Scope.Kind.TOP_LEVEL) {
      Set<String> allowed = scope.kind() == Scope.Kind.ITEM_PROCESSOR ? ITEM_PROCESSOR_FIELDS : BRANCH_FIELDS;
      for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
        String name = names.next();
        if (!allowed.contains(name)) {
          unexpectedField(scope.pointer(), name, scope.describe(), allowed);
        }
      }
    }
    checks.string(node, scope.pointer(), "Comment");
    JsonNode startAt = node.get("StartAt");
    if (startAt == null) {
      problems.error(ProblemCode.MISSING_REQUIRED_FIELD, scope.pointer(),
          "StartAt is missing from " + scope.describe() + ": name the state to run first");
    } else if (!startAt.isTextual()) {
      checks.string(node, scope.pointer(), "StartAt");
    }
    JsonNode states = node.get("States");
    if (states == null) {
      problems.error(ProblemCode.MISSING_REQUIRED_FIELD, scope.pointer(),
          "States is missing from " + scope.describe() + ": give an object of states by name");
    } else if (!states.isObject()) {
      problems.error(ProblemCode.INVALID_VALUE_TYPE, scope.statesPointer(),
          "States must be an object of states by name, got " + FieldChecks.shown(states));
    } else if (states.isEmpty()) {
      problems.error(ProblemCode.MISSING_REQUIRED_FIELD, scope.statesPointer(),
          "States of " + scope.describe() + " is empty; add at least one state");
    }
  }

  private void checkState(StateEntry state, QueryLanguage topLevel) {
    if (state.node() == null) {
      problems.error(ProblemCode.INVALID_VALUE_TYPE, state.pointer(),
          "state '" + state.name() + "' must be an object with a Type");
      return;
    }
    ObjectNode node = state.node();
    checks.string(node, state.pointer(), "Comment");
    JsonNode typeNode = node.get("Type");
    if (typeNode == null) {
      problems.error(ProblemCode.MISSING_REQUIRED_FIELD, state.pointer(),
          "state '" + state.name() + "' has no Type; set one of " + StateType.allWritten());
      return;
    }
    if (state.type() == null) {
      problems.error(ProblemCode.INVALID_STATE_TYPE, state.pointer("Type"), "Type "
          + FieldChecks.shown(typeNode) + " is not a state type; use one of " + StateType.allWritten());
      return;
    }
    checkQueryLanguage(state, topLevel);
    checkFieldsAllowed(state);
    checkTransition(state);
    checkRequired(state);
    checkExclusive(state);
  }

  private void checkQueryLanguage(StateEntry state, QueryLanguage topLevel) {
    JsonNode language = state.get("QueryLanguage");
    if (language == null) {
      return;
    }
    checks.oneOf(state.node(), state.pointer(), "QueryLanguage", List.of("JSONPath", "JSONata"), false);
    if (topLevel == QueryLanguage.JSONATA && language.isTextual() && language.textValue().equals("JSONPath")) {
      problems.error(ProblemCode.QUERY_LANGUAGE_CONFLICT, state.pointer("QueryLanguage"),
          "the state machine's QueryLanguage is JSONata, so no state can use JSONPath; convert this state "
              + "to JSONata, or set the top-level QueryLanguage to JSONPath and opt single states into JSONata");
    }
  }

  private void checkFieldsAllowed(StateEntry state) {
    for (Iterator<String> names = state.node().fieldNames(); names.hasNext(); ) {
      String field = names.next();
      if (FieldCatalog.allows(state.type(), state.language(), field)) {
        continue;
      }
      String pointer = state.pointer(field);
      if (FieldCatalog.allows(state.type(), other(state.language()), field)) {
        languageMismatch(pointer, field, state.language(), state.describe());
      } else if (FieldCatalog.isKnown(field)) {
        problems.error(ProblemCode.FIELD_NOT_ALLOWED, pointer,
            state.type().written() + " states do not support " + field + "; remove it" + hint(state.type(), field));
      } else {
        checks.unknownField(pointer, field, "a " + state.type().written() + " state",
            FieldCatalog.fields(state.type(), state.language()));
      }
    }
  }

  /** Reports a field of the other query language; used for states, catchers and choice rules. */
  private static QueryLanguage other(QueryLanguage language) {
    return language == QueryLanguage.JSONATA ? QueryLanguage.JSONPATH : QueryLanguage.JSONATA;
  }

  void languageMismatch(String pointer, String field, QueryLanguage language, String owner) {
    languageMismatch(problems, pointer, field, language, owner);
  }

  static void languageMismatch(Problems problems, String pointer, String field, QueryLanguage language, String owner) {
    if (language == QueryLanguage.JSONATA) {
      problems.error(ProblemCode.JSONPATH_FIELD_IN_JSONATA_STATE, pointer, field + " is a JSONPath field, but "
          + owner + " uses JSONata; " + FieldCatalog.insteadOf(field, language));
    } else {
      problems.error(ProblemCode.JSONATA_FIELD_IN_JSONPATH_STATE, pointer, field + " is a JSONata field, but "
          + owner + " uses JSONPath; " + FieldCatalog.insteadOf(field, language)
          + ", or set \"QueryLanguage\": \"JSONata\" on the state");
    }
  }

  private static String hint(StateType type, String field) {
    if ((field.equals("Next") || field.equals("End")) && type == StateType.CHOICE) {
      return " (a Choice state moves on through its Choices and Default)";
    }
    if (field.equals("Next") || field.equals("End")) {
      return " (a " + type.written() + " state ends the execution by itself)";
    }
    if (field.equals("ResultSelector") && type == StateType.PASS) {
      return " (shape a Pass state's output with Parameters or Result)";
    }
    if (field.equals("ItemsPointer") && type == StateType.MAP) {
      return " (it belongs in ItemReader.ReaderConfig, for a JSON file; for the state input use "
          + "ItemsPath or Items)";
    }
    return "";
  }

  private void unexpectedField(String ownerPointer, String field, String where, Set<String> known) {
    String pointer = JsonPointers.child(ownerPointer, field);
    if (FieldCatalog.isKnown(field)) {
      problems.error(ProblemCode.FIELD_NOT_ALLOWED, pointer, field + " is not allowed in " + where + "; remove it");
    } else {
      checks.unknownField(pointer, field, where, known);
    }
  }

  private void checkTransition(StateEntry state) {
    if (!state.type().transitions()) {
      return;
    }
    ObjectNode node = state.node();
    checks.string(node, state.pointer(), "Next");
    checks.bool(node, state.pointer(), "End");
    boolean hasNext = node.has("Next");
    boolean ends = state.isTerminal();
    if (hasNext && ends) {
      problems.error(ProblemCode.MUTUALLY_EXCLUSIVE_FIELDS, state.pointer(),
          state.describe() + " has both Next and End: true; keep Next to continue, or End to stop here");
    } else if (!hasNext && !ends && !(node.get("End") != null && node.get("End").isTextual())) {
      problems.error(ProblemCode.MISSING_REQUIRED_FIELD, state.pointer(),
          state.describe() + " needs Next (the state to run after it) or \"End\": true");
    }
  }

  private void checkRequired(StateEntry state) {
    switch (state.type()) {
      case TASK:
        require(state, "Resource", "the ARN of the integration or activity to run");
        break;
      case CHOICE:
        require(state, "Choices", "a non-empty array of choice rules");
        break;
      case PARALLEL:
        require(state, "Branches", "a non-empty array of branches, each with StartAt and States");
        break;
      case MAP:
        if (!state.has("ItemProcessor") && !state.has("Iterator")) {
          problems.error(ProblemCode.MISSING_REQUIRED_FIELD, state.pointer(),
              state.describe() + " needs an ItemProcessor: the StartAt and States run for each item");
        }
        break;
      case WAIT:
        checkWaitDuration(state);
        break;
      default:
        break;
    }
  }

  private void require(StateEntry state, String field, String what) {
    if (!state.has(field)) {
      problems.error(ProblemCode.MISSING_REQUIRED_FIELD, state.pointer(),
          state.describe() + " needs " + field + ": " + what);
    }
  }

  private void checkWaitDuration(StateEntry state) {
    List<String> present = new ArrayList<>();
    for (String field : WAIT_DURATIONS) {
      if (state.has(field)) {
        present.add(field);
      }
    }
    if (present.isEmpty()) {
      String choices = state.isJsonata() ? "Seconds or Timestamp" : "Seconds, SecondsPath, Timestamp or TimestampPath";
      problems.error(ProblemCode.MISSING_REQUIRED_FIELD, state.pointer(),
          state.describe() + " needs one of " + choices + " to say how long to wait");
    } else if (present.size() > 1) {
      problems.error(ProblemCode.MUTUALLY_EXCLUSIVE_FIELDS, state.pointer(), state.describe() + " has "
          + String.join(" and ", present) + "; a Wait state takes exactly one of " + String.join(", ", WAIT_DURATIONS));
    }
  }

  private void checkExclusive(StateEntry state) {
    // Every group is a pair, and this runs for every state: the common case allocates nothing.
    for (List<String> pair : EXCLUSIVE) {
      if (state.has(pair.get(0)) && state.has(pair.get(1))) {
        problems.error(ProblemCode.MUTUALLY_EXCLUSIVE_FIELDS, state.pointer(), state.describe() + " has both "
            + String.join(" and ", pair) + "; keep only one" + exclusiveHint(pair));
      }
    }
  }

  private static String exclusiveHint(List<String> fields) {
    if (fields.contains("Iterator")) {
      return " (Iterator is the older name of ItemProcessor)";
    }
    if (fields.contains("ItemSelector")) {
      return " (Parameters is the older name of ItemSelector on a Map state)";
    }
    if (fields.get(1).endsWith("Path")) {
      return " (" + fields.get(0) + " is a literal, " + fields.get(1) + " reads the value from the input)";
    }
    return "";
  }
}
