package io.statecraft.asl.validate;

import com.fasterxml.jackson.databind.JsonNode;
import io.statecraft.asl.ProblemCode;
import io.statecraft.asl.Problems;
import io.statecraft.dsl.Jsonata;
import io.statecraft.asl.json.JsonPointers;
import java.math.BigDecimal;
import io.statecraft.asl.Spelling;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Checks of single literal fields: strings, numbers in a range, booleans, one-of values and
 * timestamps. Each check accepts a {@code {% %}} expression where the field allows one, and
 * reports a CloudFormation placeholder where a number or boolean is required.
 */
final class FieldChecks {

  /** The largest number of seconds (and attempts) the service accepts in its numeric fields. */
  static final long MAX_SECONDS = 99_999_999L;

  // Plain loops, no lambdas or streams: this runs once per cold JVM on every generate, where each
  // lambda is a class spun at run time (issue 19, bench/RESULTS.md).
  private static final Pattern TIMESTAMP = Pattern.compile(
      "\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])T([01]\\d|2[0-3]):[0-5]\\d:([0-5]\\d|60)(\\.\\d+)?(Z|[+-]([01]\\d|2[0-3]):[0-5]\\d)");

  /** The most field names a message lists; beyond that it only asks to check the spelling. */
  private static final int MAX_LISTED = 8;

  private final Problems problems;

  FieldChecks(Problems problems) {
    this.problems = problems;
  }

  /**
   * A number field.
   *
   * @param field the field name
   * @param integer whether it must be a whole number
   * @param min the smallest allowed value, or null for no limit
   * @param max the largest allowed value, or null for no limit
   * @param jsonata whether a {@code {% %}} expression is allowed here (a JSONata state's field)
   * @param pathVariant the JSONPath field that reads the value at run time, or null
   */
  record NumberSpec(String field, boolean integer, BigDecimal min, BigDecimal max, boolean jsonata, String pathVariant) {

    static NumberSpec integer(String field, long min, long max) {
      return new NumberSpec(field, true, BigDecimal.valueOf(min), BigDecimal.valueOf(max), false, null);
    }

    NumberSpec jsonataAllowed(boolean allowed) {
      return new NumberSpec(field, integer, min, max, allowed, pathVariant);
    }

    NumberSpec readAtRunTimeWith(String path) {
      return new NumberSpec(field, integer, min, max, jsonata, path);
    }

    String range() {
      String kind = integer ? "an integer" : "a number";
      if (min == null) {
        return kind;
      }
      if (max == null) {
        return kind + " of at least " + min.toPlainString();
      }
      return kind + " from " + min.toPlainString() + " to " + max.toPlainString();
    }
  }

  /** Checks {@code owner.field} against {@code spec}; returns the literal value, or null. */
  BigDecimal number(JsonNode owner, String ownerPointer, NumberSpec spec) {
    JsonNode value = owner.get(spec.field());
    if (value == null) {
      return null;
    }
    // The field's pointer is built only for a problem: numbers are checked in every state.
    if (value.isTextual()) {
      String text = value.textValue();
      if (spec.jsonata() && Jsonata.isExpression(text)) {
        return null;
      }
      if (Placeholders.contains(text)) {
        placeholder(JsonPointers.child(ownerPointer, spec.field()), spec.field(), Placeholders.first(text), "number",
            fixForNumber(spec, text));
        return null;
      }
    }
    if (!value.isNumber() || spec.integer() && !value.isIntegralNumber() && !isWhole(value.decimalValue())) {
      problems.error(ProblemCode.INVALID_VALUE_TYPE, JsonPointers.child(ownerPointer, spec.field()), spec.field()
          + " must be " + spec.range() + (spec.jsonata() ? " or a {% %} expression" : "") + ", got " + shown(value));
      return null;
    }
    BigDecimal number = value.decimalValue();
    if (spec.min() != null && number.compareTo(spec.min()) < 0 || spec.max() != null && number.compareTo(spec.max()) > 0) {
      problems.error(ProblemCode.VALUE_OUT_OF_RANGE, JsonPointers.child(ownerPointer, spec.field()), spec.field()
          + " must be " + spec.range() + ", got " + number.toPlainString());
      return null;
    }
    return number;
  }

  private static String fixForNumber(NumberSpec spec, String text) {
    if (spec.jsonata()) {
      return "write it as the expression \"{% " + text + " %}\" so that the substituted text is read as a number";
    }
    if (spec.pathVariant() != null) {
      return "pass the value in the input and read it with " + spec.pathVariant()
          + ", or make the state JSONata and write \"{% " + text + " %}\"";
    }
    return "write a literal number";
  }

  /** Checks a boolean field; a placeholder is reported. */
  void bool(JsonNode owner, String ownerPointer, String field) {
    JsonNode value = owner.get(field);
    if (value == null || value.isBoolean()) {
      return;
    }
    String pointer = JsonPointers.child(ownerPointer, field);
    if (value.isTextual() && Placeholders.contains(value.textValue())) {
      placeholder(pointer, field, Placeholders.first(value.textValue()), "boolean", "write a literal true or false");
      return;
    }
    problems.error(ProblemCode.INVALID_VALUE_TYPE, pointer, field + " must be true or false, got " + shown(value));
  }

  /** Checks a string field; returns its text, or null when absent or not a string. */
  String string(JsonNode owner, String ownerPointer, String field) {
    JsonNode value = owner.get(field);
    if (value == null) {
      return null;
    }
    if (!value.isTextual()) {
      problems.error(ProblemCode.INVALID_VALUE_TYPE, JsonPointers.child(ownerPointer, field),
          field + " must be a string, got " + shown(value));
      return null;
    }
    return value.textValue();
  }

  /** Checks a field that takes one of a few strings; placeholders and JSONata (when allowed) pass. */
  void oneOf(JsonNode owner, String ownerPointer, String field, List<String> allowed, boolean jsonata) {
    String text = string(owner, ownerPointer, field);
    if (text == null || Placeholders.contains(text) || jsonata && Jsonata.isExpression(text)) {
      return;
    }
    if (!allowed.contains(text)) {
      problems.error(ProblemCode.INVALID_ENUM_VALUE, JsonPointers.child(ownerPointer, field),
          field + " must be " + String.join(" or ", allowed) + ", got '" + text + "'");
    }
  }

  /** Checks a timestamp field; placeholders and JSONata (when allowed) pass. */
  void timestamp(JsonNode owner, String ownerPointer, String field, boolean jsonata) {
    String text = string(owner, ownerPointer, field);
    if (text == null || Placeholders.contains(text) || jsonata && Jsonata.isExpression(text)) {
      return;
    }
    if (!isTimestamp(text)) {
      problems.error(ProblemCode.INVALID_TIMESTAMP, JsonPointers.child(ownerPointer, field), field + " '" + text
          + "' is not a timestamp the service accepts: write RFC 3339 with an uppercase T and Z or an offset, "
          + "such as 2026-03-14T01:59:00Z");
    }
  }

  static boolean isTimestamp(String text) {
    return TIMESTAMP.matcher(text).matches();
  }

  /**
   * A field that is not part of the language where it stands: an error, because the service rejects
   * the definition (SCHEMA_VALIDATION_FAILED), with the nearest of {@code known} as "did you mean".
   *
   * @param where what the field is in, for the message ("a Pass state", "ItemBatcher")
   * @param known the fields {@code where} takes
   */
  void unknownField(String pointer, String field, String where, Collection<String> known) {
    Optional<String> best = Spelling.nearest(field, known);
    String hint;
    if (best.isPresent()) {
      hint = "; did you mean " + best.get() + "?";
    } else {
      hint = known.size() <= MAX_LISTED ? "; it takes " + String.join(", ", new TreeSet<>(known)) : "; check the spelling";
    }
    problems.error(ProblemCode.UNKNOWN_FIELD, pointer, field + " is not a field of " + where + hint
        + " (the service rejects fields it does not know)");
  }

  /**
   * An ARN field's {@code ${}s: each must start a whole {@code ${Name}} placeholder, or
   * CloudFormation never substitutes it and the service receives text that is not an ARN.
   *
   * @return whether a problem was reported
   */
  boolean arnPlaceholders(String pointer, String field, String text, ProblemCode code) {
    String malformed = Placeholders.malformed(text);
    if (malformed == null) {
      return false;
    }
    String fix = malformed.endsWith("}") ? "a placeholder name has only letters, digits and _"
        : "close it: " + cut(malformed) + "}";
    problems.error(code, pointer, field + " '" + cut(text) + "' holds '" + cut(malformed) + "', which is not a ${Name} "
        + "placeholder, so it is never substituted and the service rejects the ARN; " + fix);
    return true;
  }

  private void placeholder(String pointer, String field, String placeholder, String kind, String fix) {
    problems.error(ProblemCode.PLACEHOLDER_IN_TYPED_FIELD, pointer, field + " holds the placeholder " + placeholder
        + ", but CloudFormation substitutes text, so the field would receive a string where a " + kind
        + " is required; " + fix);
  }

  private static boolean isWhole(BigDecimal number) {
    return number.signum() == 0 || number.stripTrailingZeros().scale() <= 0;
  }

  /** A value as shown in a message: strings quoted, long values cut. */
  static String shown(JsonNode value) {
    String text = value.isTextual() ? "'" + value.textValue() + "'" : value.isContainerNode()
        ? (value.isObject() ? "an object" : "an array") : value.toString();
    return cut(text);
  }

  /** Text cut to 60 characters for a one-line message. */
  static String cut(String text) {
    return text.length() > 60 ? text.substring(0, 57) + "..." : text;
  }
}
