package io.statecraft.asl.flow;

import com.fasterxml.jackson.databind.JsonNode;
import io.statecraft.asl.json.JsonPointers;
import io.statecraft.dsl.Intrinsic;
import io.statecraft.dsl.Path;
import io.statecraft.dsl.Value;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The variables one state reads, each with the pointer of the string that reads it: in a JSONPath
 * state the paths and intrinsic calls that are evaluated (values of keys ending in {@code .$},
 * {@code *Path} fields other than ResultPath, a choice rule's {@code Variable}); in a JSONata state
 * every {@code {% %}} expression. The state's choice rules and catchers count as the state: they
 * see the variables as they were when it was entered.
 */
final class VariableReads {

  /**
   * A variable read.
   *
   * @param name the variable's name
   * @param pointer the string that reads it
   * @param guarded whether the read works where the variable is not assigned: JSONata's
   *     {@code $exists($name)}
   * @param mayBeFunction whether the name is also one of JSONata's functions, which a JSONata
   *     expression can pass as a value ({@code $map($list, $string)})
   */
  record Read(String name, String pointer, boolean guarded, boolean mayBeFunction) {}

  // Plain loops, no lambdas or streams: this runs once per cold JVM on every generate, where each
  // lambda is a class spun at run time (issue 19, bench/RESULTS.md).
  /**
   * JSONata's built-in functions (https://docs.jsonata.org/overview, "Function library") and the
   * ones Step Functions adds ("Transforming data with JSONata in Step Functions",
   * https://docs.aws.amazon.com/step-functions/latest/dg/transforming-data.html).
   */
  private static final Set<String> FUNCTIONS = Set.of("sum", "count", "max", "min", "average", "string", "length",
      "substring", "substringBefore", "substringAfter", "uppercase", "lowercase", "trim", "pad", "contains", "split",
      "join", "match", "replace", "eval", "base64encode", "base64decode", "encodeUrlComponent", "encodeUrl",
      "decodeUrlComponent", "decodeUrl", "formatNumber", "formatBase", "formatInteger", "parseInteger", "number",
      "abs", "floor", "ceil", "round", "power", "sqrt", "random", "boolean", "not", "exists", "append", "sort",
      "reverse", "shuffle", "distinct", "zip", "keys", "lookup", "spread", "merge", "sift", "each", "error", "assert",
      "type", "map", "filter", "single", "reduce", "now", "millis", "fromMillis", "toMillis", "partition", "range",
      "hash", "uuid", "parse");

  /** Fields that are not evaluated here, or hold states of their own. */
  private static final Set<String> NOT_READ = Set.of("Comment", "Type", "Next", "End", "Default", "Branches",
      "ItemProcessor", "Iterator", "QueryLanguage", "Result", "ResultPath", "Resource", "Retry");

  /**
   * Objects whose own {@code *Path} and {@code Variable} fields are fields of the language; in any
   * other object (a payload template) such a key without {@code .$} is literal text.
   */
  private static final Set<String> STRUCTURAL = Set.of("Choices", "And", "Or", "Not", "Catch", "ItemReader",
      "ReaderConfig", "ItemBatcher", "ResultWriter", "WriterConfig");

  private final boolean jsonata;
  private final List<Read> reads = new ArrayList<>();

  private VariableReads(boolean jsonata) {
    this.jsonata = jsonata;
  }

  static List<Read> of(FlowGraph.State state) {
    VariableReads found = new VariableReads(state.jsonata);
    for (Iterator<Map.Entry<String, JsonNode>> it = state.node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      if (!NOT_READ.contains(field.getKey())) {
        found.walk(field.getKey(), field.getValue(), state.pointer(field.getKey()), true);
      }
    }
    return found.reads;
  }

  // `structural`: whether `value` is a field of the language rather than part of a payload template.
  private void walk(String key, JsonNode value, String pointer, boolean structural) {
    if (value.isTextual()) {
      readString(key, value.textValue(), pointer, structural);
    } else if (value.isObject()) {
      boolean fieldsAreStructural = structural && STRUCTURAL.contains(key);
      for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        if (!fieldsAreStructural || !NOT_READ.contains(field.getKey())) {
          walk(field.getKey(), field.getValue(), JsonPointers.child(pointer, field.getKey()), fieldsAreStructural);
        }
      }
    } else if (value.isArray()) {
      for (int i = 0; i < value.size(); i++) {
        walk(key, value.get(i), JsonPointers.child(pointer, i), structural);
      }
    }
  }

  private void readString(String key, String text, String pointer, boolean structural) {
    if (jsonata) {
      JsonataText expression = JsonataText.ofTemplate(text);
      if (expression != null) {
        for (String name : expression.variables(false)) {
          reads.add(new Read(name, pointer, false, FUNCTIONS.contains(name)));
        }
        for (String name : expression.variables(true)) {
          reads.add(new Read(name, pointer, true, false));
        }
      }
    } else if (key.endsWith(".$") || structural && (key.endsWith("Path") || key.equals("Variable"))) {
      readJsonPath(text, pointer);
    }
  }

  private void readJsonPath(String text, String pointer) {
    if (Intrinsic.looksLikeCall(text)) {
      try {
        readArguments(Intrinsic.parse(text.strip()), pointer);
      } catch (IllegalArgumentException e) {
        // Reported as INVALID_INTRINSIC by the path rules; the data flow only reads well-formed calls.
      }
      return;
    }
    Optional<ReadPath> path = ReadPath.parse(text);
    if (path.isPresent() && path.get().root() == ReadPath.Root.VARIABLE) {
      reads.add(new Read(path.get().variable(), pointer, false, false));
    }
  }

  private void readArguments(Intrinsic call, String pointer) {
    for (Value argument : call.arguments()) {
      if (argument instanceof Intrinsic nested) {
        readArguments(nested, pointer);
      } else if (argument instanceof Path path) {
        readJsonPath(path.expression(), pointer);
      }
    }
  }

  /** The names an {@code Assign} object sets ({@code name} or {@code name.$}), each with its pointer. */
  static List<Read> assigned(JsonNode assign, String pointer) {
    List<Read> names = new ArrayList<>();
    if (assign != null && assign.isObject()) {
      for (Iterator<String> it = assign.fieldNames(); it.hasNext(); ) {
        String key = it.next();
        String name = key.endsWith(".$") ? key.substring(0, key.length() - 2) : key;
        names.add(new Read(name, JsonPointers.child(pointer, key), false, false));
      }
    }
    return names;
  }
}
