package io.statecraft.asl.validate;

import com.fasterxml.jackson.databind.JsonNode;
import io.statecraft.asl.ProblemCode;
import io.statecraft.asl.Problems;
import io.statecraft.asl.Spelling;
import io.statecraft.dsl.Errors;
import io.statecraft.asl.json.JsonPointers;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Retry and Catch: non-empty ErrorEquals of known names, States.ALL alone and last, the retry
 * numbers in the ranges the service accepts, and the fields each takes per query language.
 */
final class ErrorHandlingRules {

  // Plain loops, no lambdas or streams: this runs once per cold JVM on every generate, where each
  // lambda is a class spun at run time (issue 19, bench/RESULTS.md).
  private static final Set<String> RETRIER_FIELDS = Set.of("ErrorEquals", "IntervalSeconds", "MaxAttempts",
      "BackoffRate", "MaxDelaySeconds", "JitterStrategy", "Comment");
  private static final Set<String> CATCHER_FIELDS = Set.of("ErrorEquals", "Next", "Assign", "Comment");
  /** The catcher's fields in either query language, for a "did you mean": JSONPath's and JSONata's own added. */
  private static final Set<String> CATCHER_KNOWN = withFields(CATCHER_FIELDS, "ResultPath", "Output");

  /** The longest retry delay the service accepts: one year and a day, in seconds. */
  static final long MAX_DELAY_SECONDS = 31_622_400L;

  private final Problems problems;
  private static final FieldChecks.NumberSpec INTERVAL_SECONDS =
      FieldChecks.NumberSpec.integer("IntervalSeconds", 1, FieldChecks.MAX_SECONDS);
  private static final FieldChecks.NumberSpec MAX_ATTEMPTS =
      FieldChecks.NumberSpec.integer("MaxAttempts", 0, FieldChecks.MAX_SECONDS);
  private static final FieldChecks.NumberSpec BACKOFF_RATE =
      new FieldChecks.NumberSpec("BackoffRate", false, new java.math.BigDecimal("1.0"), null, false, null);
  private static final FieldChecks.NumberSpec MAX_DELAY =
      FieldChecks.NumberSpec.integer("MaxDelaySeconds", 1, MAX_DELAY_SECONDS);
  private static final List<String> JITTER_STRATEGIES = List.of("FULL", "NONE");

  private final FieldChecks checks;

  private ErrorHandlingRules(Problems problems) {
    this.problems = problems;
    this.checks = new FieldChecks(problems);
  }

  static void check(DefinitionIndex index, Problems problems) {
    ErrorHandlingRules rules = new ErrorHandlingRules(problems);
    for (StateEntry state : index.states()) {
      if (state.node() != null && state.type() != null) {
        rules.checkList(state, "Retry");
        rules.checkList(state, "Catch");
      }
    }
  }

  private void checkList(StateEntry state, String field) {
    JsonNode list = state.get(field);
    if (list == null) {
      return;
    }
    String pointer = state.pointer(field);
    if (!list.isArray()) {
      problems.error(ProblemCode.INVALID_VALUE_TYPE, pointer, field + " must be an array of "
          + (field.equals("Retry") ? "retriers" : "catchers") + ", got " + FieldChecks.shown(list));
      return;
    }
    for (int i = 0; i < list.size(); i++) {
      JsonNode entry = list.get(i);
      String entryPointer = JsonPointers.child(pointer, i);
      if (!entry.isObject()) {
        problems.error(ProblemCode.INVALID_VALUE_TYPE, entryPointer, "each " + field + " entry must be an object "
            + "with ErrorEquals");
        continue;
      }
      checkErrorEquals(entry, entryPointer, field, i == list.size() - 1);
      if (field.equals("Retry")) {
        checkRetrier(entry, entryPointer);
      } else {
        checkCatcher(state, entry, entryPointer);
      }
    }
  }

  private void checkErrorEquals(JsonNode entry, String pointer, String field, boolean last) {
    JsonNode errors = entry.get("ErrorEquals");
    if (errors == null) {
      problems.error(ProblemCode.MISSING_REQUIRED_FIELD, pointer, "a " + (field.equals("Retry") ? "retrier" : "catcher")
          + " needs ErrorEquals: the error names it handles, such as [\"States.ALL\"]");
      return;
    }
    // Pointers below are built only for a problem: this runs for every retrier and catcher.
    if (!errors.isArray()) {
      problems.error(ProblemCode.INVALID_VALUE_TYPE, JsonPointers.child(pointer, "ErrorEquals"),
          "ErrorEquals must be an array of error names, got " + FieldChecks.shown(errors));
      return;
    }
    if (errors.isEmpty()) {
      problems.error(ProblemCode.EMPTY_ARRAY, JsonPointers.child(pointer, "ErrorEquals"), "ErrorEquals is empty, so it never matches; "
          + "list at least one error name, such as \"States.TaskFailed\" or \"States.ALL\"");
      return;
    }
    for (int i = 0; i < errors.size(); i++) {
      JsonNode error = errors.get(i);
      if (!error.isTextual()) {
        problems.error(ProblemCode.INVALID_VALUE_TYPE, errorPointer(pointer, i),
            "an error name must be a string, got " + FieldChecks.shown(error));
        continue;
      }
      String name = error.textValue();
      if (name.equals(Errors.ALL)) {
        if (errors.size() > 1) {
          problems.error(ProblemCode.STATES_ALL_NOT_LAST, errorPointer(pointer, i), "States.ALL matches every error, so it must "
              + "be alone in its ErrorEquals; move the other names to an earlier " + field + " entry");
        } else if (!last) {
          problems.error(ProblemCode.STATES_ALL_NOT_LAST, errorPointer(pointer, i), "the " + field + " entry with States.ALL "
              + "must be the last one, or the entries after it never match; move it to the end");
        }
      } else {
        reservedName(problems, errorPointer(pointer, i), name);
      }
    }
  }

  private static String errorPointer(String entryPointer, int index) {
    return JsonPointers.child(JsonPointers.child(entryPointer, "ErrorEquals"), index);
  }

  /**
   * A custom error name with the prefix the service reserves for its own errors. The service accepts
   * it, in a Fail state and in ErrorEquals alike (AWS's published samples raise and catch such
   * names), so it is a warning: a near miss of a predefined name gets a "did you mean".
   * https://docs.aws.amazon.com/step-functions/latest/dg/concepts-error-handling.html
   */
  static void reservedName(Problems problems, String pointer, String name) {
    if (!Errors.isReserved(name) || Errors.isPredefined(name)) {
      return;
    }
    Optional<String> known = Spelling.nearest(name, Errors.PREDEFINED);
    problems.warning(ProblemCode.UNKNOWN_PREDEFINED_ERROR, pointer, "'" + name + "' is not an error the service raises, "
        + "and names starting with States. are reserved for those" + (known.isPresent()
            ? "; did you mean " + known.get() + "?"
            : "; the service accepts it, but name your own errors without the prefix (such as '"
                + name.substring("States.".length()) + "')"));
  }

  private void checkRetrier(JsonNode retrier, String pointer) {
    for (Iterator<String> names = retrier.fieldNames(); names.hasNext(); ) {
      String field = names.next();
      if (!RETRIER_FIELDS.contains(field)) {
        notInEntry(JsonPointers.child(pointer, field), field, "a retrier");
      }
    }
    checks.number(retrier, pointer, INTERVAL_SECONDS);
    checks.number(retrier, pointer, MAX_ATTEMPTS);
    checks.number(retrier, pointer, BACKOFF_RATE);
    checks.number(retrier, pointer, MAX_DELAY);
    checks.oneOf(retrier, pointer, "JitterStrategy", JITTER_STRATEGIES, false);
    checks.string(retrier, pointer, "Comment");
  }

  private void checkCatcher(StateEntry state, JsonNode catcher, String pointer) {
    for (Iterator<String> names = catcher.fieldNames(); names.hasNext(); ) {
      String field = names.next();
      if (CATCHER_FIELDS.contains(field)) {
        continue;
      }
      boolean jsonPathField = field.equals("ResultPath");
      boolean jsonataField = field.equals("Output");
      if (jsonPathField && state.isJsonata() || jsonataField && !state.isJsonata()) {
        StructureRules.languageMismatch(problems, JsonPointers.child(pointer, field), field, state.language(),
            "the catcher of " + state.describe());
      } else if (!jsonPathField && !jsonataField) {
        notInEntry(JsonPointers.child(pointer, field), field, "a catcher");
      }
    }
    if (!catcher.has("Next")) {
      problems.error(ProblemCode.MISSING_REQUIRED_FIELD, pointer,
          "a catcher needs Next: the state to run when it catches an error");
    } else {
      checks.string(catcher, pointer, "Next");
    }
    checks.string(catcher, pointer, "Comment");
  }

  private static Set<String> withFields(Set<String> fields, String... more) {
    Set<String> all = new HashSet<>(fields);
    all.addAll(Arrays.asList(more));
    return Set.copyOf(all);
  }

  private void notInEntry(String pointer, String field, String entry) {
    if (FieldCatalog.isKnown(field)) {
      problems.error(ProblemCode.FIELD_NOT_ALLOWED, pointer, field + " is not allowed in " + entry + "; remove it");
    } else {
      checks.unknownField(pointer, field, entry, entry.equals("a retrier") ? RETRIER_FIELDS : CATCHER_KNOWN);
    }
  }
}
