package io.statecraft.asl.validate;

import com.dashjoin.jsonata.JException;
import com.fasterxml.jackson.databind.JsonNode;
import io.statecraft.asl.ProblemCode;
import io.statecraft.asl.Problems;
import io.statecraft.dsl.Jsonata;
import io.statecraft.asl.json.JsonPointers;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * JSONata expressions: in a JSONata state every {@code {% ... %}} string is compiled (never
 * evaluated) with the dashjoin JSONata parser, and {@code $states.result} and {@code
 * $states.errorOutput} are used only where the state has such a value. In a JSONPath state a
 * {@code {% %}} string is sent literally, which is worth a warning.
 */
final class JsonataRules {

  // Plain loops, no lambdas or streams: this runs once per cold JVM on every generate, where each
  // lambda is a class spun at run time (issue 19, bench/RESULTS.md).
  /** Fields that are not expressions, or that hold states checked on their own. */
  private static final Set<String> NOT_WALKED = Set.of("Comment", "Branches", "ItemProcessor", "Iterator", "Type",
      "QueryLanguage", "Next", "Default", "Result");

  private static final Pattern STRING_LITERALS = Pattern.compile("\"(\\\\.|[^\"\\\\])*\"|'(\\\\.|[^'\\\\])*'|/\\*.*?\\*/",
      Pattern.DOTALL);
  private static final Pattern STATES_RESULT = Pattern.compile("\\$states\\s*\\.\\s*result\\b");
  private static final Pattern STATES_ERROR_OUTPUT = Pattern.compile("\\$states\\s*\\.\\s*errorOutput\\b");

  private static final Verdicts<Optional<String>> PARSE_ERRORS = new Verdicts<>();

  private final Problems problems;

  private JsonataRules(Problems problems) {
    this.problems = problems;
  }

  static void check(DefinitionIndex index, Problems problems) {
    JsonataRules rules = new JsonataRules(problems);
    List<String> path = new ArrayList<>();
    for (StateEntry state : index.states()) {
      if (state.node() == null || state.type() == null) {
        continue;
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = state.node().fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        if (!NOT_WALKED.contains(field.getKey()) && (state.isJsonata() || containsExpression(field.getValue()))) {
          path.add(field.getKey());
          rules.walk(state, field.getValue(), path);
          path.remove(0);
        }
      }
    }
  }

  // Every value of every state comes through here, so where a value is, the keys from the state
  // down, is kept as a list, and made into a pointer only for a problem.
  private void walk(StateEntry state, JsonNode value, List<String> path) {
    if (value.isTextual()) {
      checkString(state, value.textValue(), path);
    } else if (value.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> entry = it.next();
        path.add(entry.getKey());
        if (state.isJsonata() && entry.getKey().endsWith(".$")) {
          problems.warning(ProblemCode.JSONPATH_IN_JSONATA_STATE, pointer(state, path), "JSONata states do not "
              + "evaluate keys ending in .$, so '" + entry.getKey() + "' is sent as it is; write '"
              + entry.getKey().substring(0, entry.getKey().length() - 2) + "' with a {% %} expression instead");
        }
        if (!entry.getKey().equals("Comment")) {
          walk(state, entry.getValue(), path);
        }
        path.remove(path.size() - 1);
      }
    } else if (value.isArray()) {
      for (int i = 0; i < value.size(); i++) {
        path.add(Integer.toString(i));
        walk(state, value.get(i), path);
        path.remove(path.size() - 1);
      }
    }
  }

  // In a JSONPath state the only question is whether a {% %} string is there at all, which it
  // rarely is; this small search answers it, and only a value that has one is walked to report
  // where. (The full walk, run over every value of every state, cost more to JIT-compile than
  // all the other rules.)
  private static boolean containsExpression(JsonNode value) {
    if (value.isTextual()) {
      return Jsonata.isExpression(value.textValue());
    }
    if (value.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> entry = it.next();
        if (!entry.getKey().equals("Comment") && containsExpression(entry.getValue())) {
          return true;
        }
      }
    } else if (value.isArray()) {
      for (JsonNode item : value) {
        if (containsExpression(item)) {
          return true;
        }
      }
    }
    return false;
  }

  private static String pointer(StateEntry state, List<String> path) {
    String pointer = state.pointer();
    for (String key : path) {
      pointer = JsonPointers.child(pointer, key);
    }
    return pointer;
  }

  private void checkString(StateEntry state, String text, List<String> path) {
    boolean expression = Jsonata.isExpression(text);
    if (!state.isJsonata()) {
      if (expression) {
        problems.warning(ProblemCode.JSONATA_IN_JSONPATH_STATE, pointer(state, path), "'" + FieldChecks.cut(text)
            + "' is a JSONata expression, but " + state.describe() + " uses JSONPath, so it is sent as literal text; "
            + "set \"QueryLanguage\": \"JSONata\" on the state to evaluate it");
      }
      return;
    }
    if (!expression) {
      if (text.startsWith("{%")) {
        problems.error(ProblemCode.INVALID_JSONATA, pointer(state, path), "'" + FieldChecks.cut(text) + "' starts "
            + "with {% but does not end with %}; close the expression with %}");
      }
      return;
    }
    String body = Placeholders.neutralize(Jsonata.parse(text).text());
    Optional<String> parseError = PARSE_ERRORS.known(body);
    if (parseError == null) {
      parseError = parseError(body);
      PARSE_ERRORS.remember(body, parseError);
    }
    if (parseError.isPresent()) {
      problems.error(ProblemCode.INVALID_JSONATA, pointer(state, path), "JSONata expression '"
          + FieldChecks.cut(body) + "' does not parse: " + parseError.get());
      return;
    }
    String code = STRING_LITERALS.matcher(body).replaceAll("''");
    if (STATES_RESULT.matcher(code).find() && !resultAvailable(state, path)) {
      problems.error(ProblemCode.STATES_VARIABLE_UNAVAILABLE, pointer(state, path), "$states.result exists only "
          + "in the Output and Assign of a Task, Parallel or Map state, after it has run; read the input with "
          + "$states.input here");
    }
    if (STATES_ERROR_OUTPUT.matcher(code).find() && !inCatcherOutput(path)) {
      problems.error(ProblemCode.STATES_VARIABLE_UNAVAILABLE, pointer(state, path), "$states.errorOutput exists "
          + "only in the Output and Assign of a Catch; use it there");
    }
  }

  /** Why the dashjoin parser rejects an expression body, or empty when it compiles. */
  private static Optional<String> parseError(String body) {
    try {
      com.dashjoin.jsonata.Jsonata.jsonata(body);
      return Optional.empty();
    } catch (JException e) {
      return Optional.of(e.getMessage() + " (" + e.getError() + " at character " + (e.getLocation() + 1) + ")");
    } catch (RuntimeException e) {
      return Optional.of(String.valueOf(e.getMessage()));
    }
  }

  private static boolean resultAvailable(StateEntry state, List<String> path) {
    String field = path.get(0);
    return state.type().hasResult() && (field.equals("Output") || field.equals("Assign"));
  }

  private static boolean inCatcherOutput(List<String> path) {
    return path.size() >= 3 && path.get(0).equals("Catch") && (path.get(2).equals("Output") || path.get(2).equals("Assign"));
  }
}
