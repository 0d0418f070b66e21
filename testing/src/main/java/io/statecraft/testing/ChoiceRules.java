package io.statecraft.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.statecraft.dsl.ComparisonOperator;
import io.statecraft.dsl.Condition;
import io.statecraft.dsl.Value;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * JSONPath-mode Choice rules with the service's type rules: a comparison whose variable has the
 * wrong type does not match (a numeric comparison on the string "95" is false), and a variable
 * path that selects nothing fails the state, except under {@code IsPresent}.
 */
final class ChoiceRules {

  // RFC 3339 with an upper-case T and Z, as the Developer Guide requires for timestamps.
  private static final Pattern TIMESTAMP = Pattern.compile(
      "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})");

  private ChoiceRules() {}

  /** Whether a JSONPath rule's test holds in {@code scope}. */
  static boolean matches(Condition condition, Scope scope) throws StatesError {
    if (condition instanceof Condition.And and) {
      for (Condition each : and.conditions()) {
        if (!matches(each, scope)) {
          return false;
        }
      }
      return true;
    }
    if (condition instanceof Condition.Or or) {
      for (Condition each : or.conditions()) {
        if (matches(each, scope)) {
          return true;
        }
      }
      return false;
    }
    if (condition instanceof Condition.Not not) {
      return !matches(not.condition(), scope);
    }
    if (condition instanceof Condition.Comparison comparison) {
      return compare(comparison, scope);
    }
    // The validator keeps JSONata Conditions out of JSONPath states.
    throw StatesError.runtime("A JSONata Condition cannot be tested in a JSONPath Choice state");
  }

  private static boolean compare(Condition.Comparison comparison, Scope scope) throws StatesError {
    ComparisonOperator operator = comparison.operator();
    String variable = comparison.variable().expression();
    JsonNode value;
    try {
      value = PathEvaluator.read(variable, scope);
    } catch (PathEvaluator.NotFound e) {
      if (operator == ComparisonOperator.IS_PRESENT) {
        return !flag(comparison.operand());
      }
      throw StatesError.runtime("Invalid path '" + variable + "': The choice state's condition path references an "
          + "invalid value.");
    }
    switch (operator) {
      case IS_PRESENT: return flag(comparison.operand());
      case IS_NULL: return value.isNull() == flag(comparison.operand());
      case IS_NUMERIC: return value.isNumber() == flag(comparison.operand());
      case IS_STRING: return value.isTextual() == flag(comparison.operand());
      case IS_BOOLEAN: return value.isBoolean() == flag(comparison.operand());
      case IS_TIMESTAMP: return (value.isTextual() && timestamp(value.textValue()) != null) == flag(comparison.operand());
      default: break;
    }
    JsonNode other = operator.operand() == ComparisonOperator.Operand.PATH
        ? operandAtPath(comparison.operand(), scope)
        : Literals.toJson(comparison.operand());
    switch (operator) {
      case STRING_MATCHES:
        return value.isTextual() && other.isTextual() && matchesWildcard(other.textValue(), value.textValue());
      case BOOLEAN_EQUALS:
      case BOOLEAN_EQUALS_PATH:
        return value.isBoolean() && other.isBoolean() && value.booleanValue() == other.booleanValue();
      default: break;
    }
    // Values of the wrong type for the operator do not match; that is not an error.
    Integer order = order(operator, value, other);
    if (order == null) {
      return false;
    }
    switch (operator) {
      case STRING_EQUALS: case STRING_EQUALS_PATH:
      case NUMERIC_EQUALS: case NUMERIC_EQUALS_PATH:
      case TIMESTAMP_EQUALS: case TIMESTAMP_EQUALS_PATH:
        return order == 0;
      case STRING_LESS_THAN: case STRING_LESS_THAN_PATH:
      case NUMERIC_LESS_THAN: case NUMERIC_LESS_THAN_PATH:
      case TIMESTAMP_LESS_THAN: case TIMESTAMP_LESS_THAN_PATH:
        return order < 0;
      case STRING_GREATER_THAN: case STRING_GREATER_THAN_PATH:
      case NUMERIC_GREATER_THAN: case NUMERIC_GREATER_THAN_PATH:
      case TIMESTAMP_GREATER_THAN: case TIMESTAMP_GREATER_THAN_PATH:
        return order > 0;
      case STRING_LESS_THAN_EQUALS: case STRING_LESS_THAN_EQUALS_PATH:
      case NUMERIC_LESS_THAN_EQUALS: case NUMERIC_LESS_THAN_EQUALS_PATH:
      case TIMESTAMP_LESS_THAN_EQUALS: case TIMESTAMP_LESS_THAN_EQUALS_PATH:
        return order <= 0;
      case STRING_GREATER_THAN_EQUALS: case STRING_GREATER_THAN_EQUALS_PATH:
      case NUMERIC_GREATER_THAN_EQUALS: case NUMERIC_GREATER_THAN_EQUALS_PATH:
      case TIMESTAMP_GREATER_THAN_EQUALS: case TIMESTAMP_GREATER_THAN_EQUALS_PATH:
        return order >= 0;
      default:
        throw StatesError.runtime("Unknown Choice operator " + operator.written());
    }
  }

  // How value compares with other as the operator's type (String..., Numeric..., Timestamp...);
  // null when either is not of that type.
  private static Integer order(ComparisonOperator operator, JsonNode value, JsonNode other) {
    String written = operator.written();
    if (written.startsWith("String")) {
      return value.isTextual() && other.isTextual() ? value.textValue().compareTo(other.textValue()) : null;
    }
    if (written.startsWith("Numeric")) {
      return value.isNumber() && other.isNumber() ? value.decimalValue().compareTo(other.decimalValue()) : null;
    }
    OffsetDateTime a = value.isTextual() ? timestamp(value.textValue()) : null;
    OffsetDateTime b = other.isTextual() ? timestamp(other.textValue()) : null;
    return a == null || b == null ? null : a.toInstant().compareTo(b.toInstant());
  }

  // The flag of IsPresent and the Is* tests, read leniently as JSON's asBoolean does.
  private static boolean flag(Value operand) {
    return Literals.toJson(operand).asBoolean();
  }

  private static JsonNode operandAtPath(Value operand, Scope scope) throws StatesError {
    String path = PathEvaluator.text(operand);
    try {
      return PathEvaluator.read(path, scope);
    } catch (PathEvaluator.NotFound e) {
      throw StatesError.runtime("Invalid path '" + path + "': The choice state's condition path "
          + "references an invalid value.");
    }
  }

  static OffsetDateTime timestamp(String text) {
    if (!TIMESTAMP.matcher(text).matches()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  // Only * is a wildcard; \* is a literal star and \\ a literal backslash. Matched without
  // backtracking (a regular expression backtracks exponentially on *a*a*a*b against a run of a's):
  // on a mismatch only the last star takes one more character, so the work is at most the product
  // of the two lengths.
  static boolean matchesWildcard(String pattern, String text) {
    StringBuilder literals = new StringBuilder();
    List<Boolean> stars = new ArrayList<>();
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '\\' && i + 1 < pattern.length() && (pattern.charAt(i + 1) == '*' || pattern.charAt(i + 1) == '\\')) {
        literals.append(pattern.charAt(++i));
        stars.add(false);
      } else {
        literals.append(c);
        stars.add(c == '*');
      }
    }
    int p = 0;
    int t = 0;
    int lastStar = -1;
    int resumeAt = 0;
    while (t < text.length()) {
      if (p < literals.length() && stars.get(p)) {
        lastStar = p++;
        resumeAt = t;
      } else if (p < literals.length() && literals.charAt(p) == text.charAt(t)) {
        p++;
        t++;
      } else if (lastStar >= 0) {
        p = lastStar + 1;
        t = ++resumeAt;
      } else {
        return false;
      }
    }
    while (p < literals.length() && stars.get(p)) {
      p++;
    }
    return p == literals.length();
  }
}
