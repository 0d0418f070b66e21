package io.statecraft.asl.validate;

import io.statecraft.asl.ProblemCode;
import io.statecraft.asl.Problems;
import io.statecraft.dsl.QueryLanguage;
import com.fasterxml.jackson.databind.JsonNode;
import io.statecraft.asl.json.JsonPointers;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * JSONPath states: every path field parsed with Jayway JsonPath (InputPath and OutputPath as
 * paths; ResultPath, the *Path fields and ItemsPath as reference paths), and every payload
 * template ({@code Parameters}, {@code ResultSelector}, {@code ItemSelector}, {@code Credentials},
 * {@code Assign}) checked key by key: a {@code .$} key needs a path or an intrinsic call, and a
 * path-like value under a plain key is sent literally (the service's NO_DOLLAR warning).
 */
final class PathRules {

  // The field lists are arrays rather than lists: they are looped over for every state, and an
  // array loop allocates no iterator before the JIT compiler has had time to remove it.

  /** Fields holding a reference path that may read the context object or variables. */
  private static final String[] REFERENCE_PATH_FIELDS = {"ItemsPath", "SecondsPath", "TimestampPath",
      "TimeoutSecondsPath", "HeartbeatSecondsPath", "MaxConcurrencyPath", "ToleratedFailureCountPath",
      "ToleratedFailurePercentagePath"};

  private static final String[] PATH_FIELDS = {"InputPath", "OutputPath"};

  private static final String[] PATH_OR_CALL_FIELDS = {"ErrorPath", "CausePath"};

  private static final String[] PAYLOAD_FIELDS = {"Parameters", "ResultSelector", "ItemSelector", "Assign"};

  // Plain loops, no lambdas or streams: this runs once per cold JVM on every generate, where each
  // lambda is a class spun at run time (issue 19, bench/RESULTS.md).
  private static final Pattern VARIABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private final Problems problems;

  private PathRules(Problems problems) {
    this.problems = problems;
  }

  static void check(DefinitionIndex index, Problems problems) {
    PathRules rules = new PathRules(problems);
    for (StateEntry state : index.states()) {
      if (state.node() != null && state.type() != null) {
        if (!state.isJsonata()) {
          rules.checkState(state);
        }
        rules.checkAssignNames(state);
      }
    }
  }

  private boolean allowed(StateEntry state, String field) {
    return state.has(field) && FieldCatalog.allows(state.type(), QueryLanguage.JSONPATH, field);
  }

  private void checkState(StateEntry state) {
    for (String field : PATH_FIELDS) {
      if (allowed(state, field)) {
        pathField(state.node(), state.pointer(), field, JsonPathSyntax.Kind.PATH, true);
      }
    }
    if (allowed(state, "ResultPath")) {
      pathField(state.node(), state.pointer(), "ResultPath", JsonPathSyntax.Kind.RESULT_PATH, true);
    }
    for (String field : REFERENCE_PATH_FIELDS) {
      if (allowed(state, field)) {
        pathField(state.node(), state.pointer(), field, JsonPathSyntax.Kind.REFERENCE_PATH, false);
      }
    }
    for (String field : PATH_OR_CALL_FIELDS) {
      if (allowed(state, field)) {
        pathOrCall(state.get(field), state.pointer(field), field);
      }
    }
    for (String field : PAYLOAD_FIELDS) {
      if (allowed(state, field)) {
        payload(state.get(field), state.pointer(), field);
      }
    }
    if (allowed(state, "Credentials") && state.get("Credentials").isObject()) {
      payload(state.get("Credentials"), state.pointer(), "Credentials");
    }
    if (allowed(state, "Result")) {
      staticResult(state.get("Result"), state.pointer("Result"));
    }
    checkCatchers(state);
    checkChoiceAssigns(state);
    checkDistributedMap(state);
  }

  private void checkCatchers(StateEntry state) {
    JsonNode catchers = state.get("Catch");
    if (catchers == null || !catchers.isArray()) {
      return;
    }
    for (int i = 0; i < catchers.size(); i++) {
      JsonNode catcher = catchers.get(i);
      String pointer = JsonPointers.child(state.pointer("Catch"), i);
      if (catcher.has("ResultPath")) {
        pathField(catcher, pointer, "ResultPath", JsonPathSyntax.Kind.RESULT_PATH, true);
      }
      if (catcher.has("Assign")) {
        payload(catcher.get("Assign"), pointer, "Assign");
      }
    }
  }

  private void checkChoiceAssigns(StateEntry state) {
    JsonNode choices = state.get("Choices");
    if (!state.is(StateType.CHOICE) || choices == null || !choices.isArray()) {
      return;
    }
    for (int i = 0; i < choices.size(); i++) {
      if (choices.get(i).has("Assign")) {
        payload(choices.get(i).get("Assign"), JsonPointers.child(state.pointer("Choices"), i), "Assign");
      }
    }
  }

  private void checkDistributedMap(StateEntry state) {
    if (!state.is(StateType.MAP)) {
      return;
    }
    JsonNode reader = state.get("ItemReader");
    if (reader != null && reader.isObject()) {
      String pointer = state.pointer("ItemReader");
      if (reader.has("Parameters")) {
        payload(reader.get("Parameters"), pointer, "Parameters");
      }
      JsonNode config = reader.get("ReaderConfig");
      if (config != null && config.has("MaxItemsPath")) {
        pathField(config, JsonPointers.child(pointer, "ReaderConfig"), "MaxItemsPath", JsonPathSyntax.Kind.REFERENCE_PATH,
            false);
      }
    }
    JsonNode batcher = state.get("ItemBatcher");
    if (batcher != null && batcher.isObject()) {
      String pointer = state.pointer("ItemBatcher");
      for (String field : List.of("MaxItemsPerBatchPath", "MaxInputBytesPerBatchPath")) {
        if (batcher.has(field)) {
          pathField(batcher, pointer, field, JsonPathSyntax.Kind.REFERENCE_PATH, false);
        }
      }
      if (batcher.has("BatchInput")) {
        payload(batcher.get("BatchInput"), pointer, "BatchInput");
      }
    }
    JsonNode writer = state.get("ResultWriter");
    if (writer != null && writer.isObject() && writer.has("Parameters")) {
      payload(writer.get("Parameters"), state.pointer("ResultWriter"), "Parameters");
    }
  }

  /**
   * Field {@code field} of {@code owner} (which is at {@code ownerPointer}), holding one path;
   * {@code nullable} fields may be null to mean "nothing". The field's pointer is built only for a
   * problem: this runs for every path of every state.
   */
  private void pathField(JsonNode owner, String ownerPointer, String field, JsonPathSyntax.Kind kind,
      boolean nullable) {
    JsonNode value = owner.get(field);
    if (value.isTextual() && !JsonPathSyntax.looksLikeCall(value.textValue())) {
      Optional<JsonPathSyntax.Failure> failure = JsonPathSyntax.check(value.textValue(), kind);
      if (failure.isPresent()) {
        failure.get().reportTo(problems, JsonPointers.child(ownerPointer, field), field);
      }
      return;
    }
    String pointer = JsonPointers.child(ownerPointer, field);
    if (value.isNull()) {
      if (!nullable) {
        problems.error(ProblemCode.INVALID_VALUE_TYPE, pointer,
            field + " cannot be null; give a path, or remove the field to use the whole input");
      }
      return;
    }
    if (!value.isTextual()) {
      problems.error(ProblemCode.INVALID_VALUE_TYPE, pointer, field + " must be a path string"
          + (nullable ? " or null" : "") + ", got " + FieldChecks.shown(value));
      return;
    }
    problems.error(ProblemCode.INTRINSIC_NOT_ALLOWED, pointer, field + " takes a path, not an intrinsic function "
        + "call; call the function in Parameters under a key ending in .$ instead");
  }

  /** ErrorPath and CausePath: a reference path, or an intrinsic call. */
  private void pathOrCall(JsonNode value, String pointer, String field) {
    if (!value.isTextual()) {
      problems.error(ProblemCode.INVALID_VALUE_TYPE, pointer,
          field + " must be a path or an intrinsic function call, got " + FieldChecks.shown(value));
    } else if (value.textValue().strip().startsWith("States.")) {
      report(IntrinsicSyntax.check(value.textValue()), pointer, field);
    } else {
      report(JsonPathSyntax.check(value.textValue(), JsonPathSyntax.Kind.REFERENCE_PATH), pointer, field);
    }
  }

  /** A reference path in field {@code field} of the Choice rule at {@code rulePointer} (Variable or a *Path operand). */
  static void referencePath(Problems problems, String text, String rulePointer, String field) {
    Optional<JsonPathSyntax.Failure> failure = JsonPathSyntax.check(text, JsonPathSyntax.Kind.REFERENCE_PATH);
    if (failure.isPresent()) {
      failure.get().reportTo(problems, JsonPointers.child(rulePointer, field), field);
    }
  }

  private void report(Optional<JsonPathSyntax.Failure> failure, String pointer, String what) {
    if (failure.isPresent()) {
      failure.get().reportTo(problems, pointer, what);
    }
  }

  /**
   * Walks payload template {@code field} (Parameters, ResultSelector, ...) of the object at
   * {@code ownerPointer}.
   */
  private void payload(JsonNode value, String ownerPointer, String field) {
    if (value.isTextual() && JsonPathSyntax.looksDynamic(value.textValue())) {
      problems.warning(ProblemCode.NO_DOLLAR, JsonPointers.child(ownerPointer, field), field + " is the literal text '" + value.textValue()
          + "', not the value it names; to pass that value use an object with a key ending in .$, such as "
          + "{\"value.$\": \"" + value.textValue() + "\"}");
      return;
    }
    walkTemplate(value, ownerPointer, field, field);
  }

  // Runs for every key of every payload, so pointers (this value's too) and the names in messages
  // are built only when there is something to report, and only containers are walked further.
  // The value is field or item {@code key} of the object or array at {@code parentPointer}.
  private void walkTemplate(JsonNode value, String parentPointer, String key, String field) {
    String pointer = null;
    if (value.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> entry = it.next();
        String name = entry.getKey();
        JsonNode child = entry.getValue();
        if (name.endsWith(".$")) {
          String plain = name.substring(0, name.length() - 2);
          if (value.has(plain)) {
            pointer = built(pointer, parentPointer, key);
            problems.error(ProblemCode.DUPLICATE_KEY, JsonPointers.child(pointer, later(value, plain, name)), field
                + " has both '" + plain + "' and '" + plain + ".$', which become the same key once .$ is stripped; "
                + "keep one");
          }
          dynamicValue(child, parentPointer, key, name);
        } else if (name.startsWith("Fn::") && containsDynamic(child)) {
          pointer = built(pointer, parentPointer, key);
          problems.warning(ProblemCode.NO_DOLLAR, JsonPointers.child(pointer, name), "'" + name + "' is not an "
              + "intrinsic function and nothing evaluates it inside a definition, so its value is sent as literal "
              + "data; compute the value with an intrinsic under a key ending in .$, such as "
              + "\"count.$\": \"States.ArrayLength($.items)\"");
        } else if (child.isTextual()) {
          if (JsonPathSyntax.looksDynamic(child.textValue())) {
            pointer = built(pointer, parentPointer, key);
            problems.warning(ProblemCode.NO_DOLLAR, JsonPointers.child(pointer, name), "'" + name + "' holds '"
                + child.textValue() + "', which is sent as literal text because the key does not end in .$; rename "
                + "the key to '" + name + ".$' to " + (JsonPathSyntax.looksLikeCall(child.textValue())
                ? "call the function" : "use the value at that path"));
          }
        } else if (child.isContainerNode()) {
          pointer = built(pointer, parentPointer, key);
          walkTemplate(child, pointer, name, field);
        }
      }
    } else if (value.isArray()) {
      for (int i = 0; i < value.size(); i++) {
        JsonNode item = value.get(i);
        if (item.isTextual() && JsonPathSyntax.looksDynamic(item.textValue())) {
          pointer = built(pointer, parentPointer, key);
          problems.warning(ProblemCode.NO_DOLLAR, JsonPointers.child(pointer, i), "array item '" + item.textValue()
              + "' is sent as literal text: arrays cannot hold paths; build the array with an intrinsic under a key "
              + "ending in .$, such as \"items.$\": \"States.Array(" + item.textValue() + ")\"");
        } else if (item.isContainerNode()) {
          pointer = built(pointer, parentPointer, key);
          walkTemplate(item, pointer, Integer.toString(i), field);
        }
      }
    }
  }

  /** {@code pointer} if already built, else the pointer of field {@code key} of {@code parentPointer}. */
  private static String built(String pointer, String parentPointer, String key) {
    return pointer != null ? pointer : JsonPointers.child(parentPointer, key);
  }

  /** Of two keys of {@code object}, the one written second: where a duplicate is reported. */
  private static String later(JsonNode object, String one, String other) {
    for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (name.equals(one)) {
        return other;
      }
      if (name.equals(other)) {
        return one;
      }
    }
    return other;
  }

  private static boolean containsDynamic(JsonNode value) {
    if (value.isTextual()) {
      return JsonPathSyntax.looksDynamic(value.textValue());
    }
    for (JsonNode child : value) {
      if (containsDynamic(child)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The value of key {@code name} (ending in .$) of the object that is field {@code key} of the
   * object at {@code parentPointer}: a path or an intrinsic call.
   */
  private void dynamicValue(JsonNode value, String parentPointer, String key, String name) {
    if (!value.isTextual()) {
      problems.error(ProblemCode.INVALID_DOLLAR_FIELD, pointerOf(parentPointer, key, name), "'" + name
          + "' must hold a path or an intrinsic function call as a string, got " + FieldChecks.shown(value)
          + "; drop .$ from the key to send a literal");
      return;
    }
    String text = value.textValue();
    if (Placeholders.isWhole(text)) {
      return;
    }
    Optional<JsonPathSyntax.Failure> failure;
    if (text.startsWith("$")) {
      failure = JsonPathSyntax.check(text, JsonPathSyntax.Kind.PATH);
    } else if (text.strip().startsWith("States.")) {
      failure = IntrinsicSyntax.check(text);
    } else {
      problems.error(ProblemCode.INVALID_DOLLAR_FIELD, pointerOf(parentPointer, key, name), "'" + name
          + "' must hold a path ($..., $$... or $variable) or an intrinsic function call, got '" + text + "'; drop .$ "
          + "from the key to send it literally");
      return;
    }
    if (failure.isPresent()) {
      failure.get().reportTo(problems, pointerOf(parentPointer, key, name), "'" + name + "' value");
    }
  }

  private static String pointerOf(String parentPointer, String key, String name) {
    return JsonPointers.child(JsonPointers.child(parentPointer, key), name);
  }

  /** A Pass state's Result is data, never evaluated: warn where it looks as if it would be. */
  private void staticResult(JsonNode value, String pointer) {
    if (value.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> entry = it.next();
        String childPointer = JsonPointers.child(pointer, entry.getKey());
        if (entry.getKey().endsWith(".$")) {
          problems.warning(ProblemCode.PASS_RESULT_IS_STATIC, childPointer, "Result is never evaluated, so '"
              + entry.getKey() + "' stays a literal key; build output from paths with Parameters instead");
        } else {
          staticResult(entry.getValue(), childPointer);
        }
      }
    } else if (value.isArray()) {
      for (int i = 0; i < value.size(); i++) {
        staticResult(value.get(i), JsonPointers.child(pointer, i));
      }
    } else if (value.isTextual() && JsonPathSyntax.looksDynamic(value.textValue())) {
      problems.warning(ProblemCode.PASS_RESULT_IS_STATIC, pointer, "Result is never evaluated, so '"
          + value.textValue() + "' stays literal text; use Parameters with a key ending in .$ to read a path");
    }
  }

  /** Assign keys name variables: a letter or _, then letters, digits or _. */
  private void checkAssignNames(StateEntry state) {
    if (state.has("Assign")) {
      checkAssignNames(state.get("Assign"), state.pointer("Assign"));
    }
    checkAssignNamesIn(state, "Catch");
    checkAssignNamesIn(state, "Choices");
  }

  private void checkAssignNamesIn(StateEntry state, String arrayField) {
    JsonNode array = state.get(arrayField);
    if (array == null || !array.isArray()) {
      return;
    }
    for (int i = 0; i < array.size(); i++) {
      if (array.get(i).has("Assign")) {
        String pointer = JsonPointers.child(JsonPointers.child(state.pointer(arrayField), i), "Assign");
        checkAssignNames(array.get(i).get("Assign"), pointer);
      }
    }
  }

  private void checkAssignNames(JsonNode assign, String pointer) {
    if (assign == null) {
      return;
    }
    if (!assign.isObject()) {
      problems.error(ProblemCode.INVALID_VALUE_TYPE, pointer,
          "Assign must be an object of variable names and values, got " + FieldChecks.shown(assign));
      return;
    }
    for (Iterator<String> names = assign.fieldNames(); names.hasNext(); ) {
      String key = names.next();
      String name = key.endsWith(".$") ? key.substring(0, key.length() - 2) : key;
      if (!VARIABLE_NAME.matcher(name).matches()) {
        problems.error(ProblemCode.INVALID_VARIABLE_NAME, JsonPointers.child(pointer, key), "'" + name
            + "' is not a variable name: start with a letter or _, then use letters, digits or _");
      }
    }
  }
}
