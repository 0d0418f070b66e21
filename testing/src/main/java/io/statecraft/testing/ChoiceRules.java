package io.statecraft.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Map;
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

  static boolean matches(JsonNode rule, Scope scope) throws StatesError {
    JsonNode and = rule.get("And");
    if (and != null) {
      for (JsonNode each : and) {
        if (!matches(each, scope)) {
          return false;
        }
      }
      return true;
    }
    JsonNode or = rule.get("Or");
    if (or != null) {
      for (JsonNode each : or) {
        if (matches(each, scope)) {
          return true;
        }
      }
      return false;
    }
    JsonNode not = rule.get("Not");
    if (not != null) {
      return !matches(not, scope);
    }
    String variable = rule.path("Variable").asText("$");
    for (Iterator<Map.Entry<String, JsonNode>> it = rule.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      String operator = field.getKey();
      if (operator.equals("Variable") || operator.equals("Next") || operator.equals("Comment")
          || operator.equals("Assign") || operator.equals("Output")) {
        continue;
      }
      return compare(operator, variable, field.getValue(), scope);
    }
    throw StatesError.runtime("A Choice rule has no comparison operator: " + JsonValues.compact(rule));
  }

  private static boolean compare(String operator, String variable, JsonNode operand, Scope scope) throws StatesError {
    JsonNode value;
    try {
      value = PathEvaluator.read(variable, scope);
    } catch (PathEvaluator.NotFound e) {
      if (operator.equals("IsPresent")) {
        return !operand.asBoolean();
      }
      throw StatesError.runtime("Invalid path '" + variable + "': The choice state's condition path references an "
          + "invalid value.");
    }
    if (operator.equals("IsPresent")) {
      return operand.asBoolean();
    }
    if (operator.startsWith("Is")) {
      boolean is;
      switch (operator) {
        case "IsNull": is = value.isNull(); break;
        case "IsNumeric": is = value.isNumber(); break;
        case "IsString": is = value.isTextual(); break;
        case "IsBoolean": is = value.isBoolean(); break;
        case "IsTimestamp": is = value.isTextual() && timestamp(value.textValue()) != null; break;
        default: throw StatesError.runtime("Unknown Choice operator " + operator);
      }
      return is == operand.asBoolean();
    }
    String base = operator;
    JsonNode other = operand;
    if (operator.endsWith("Path")) {
      base = operator.substring(0, operator.length() - 4);
      try {
        other = PathEvaluator.read(operand.asText(), scope);
      } catch (PathEvaluator.NotFound e) {
        throw StatesError.runtime("Invalid path '" + operand.asText() + "': The choice state's condition path "
            + "references an invalid value.");
      }
    }
    if (base.startsWith("String")) {
      if (!value.isTextual() || !other.isTextual()) {
        return false;
      }
      String a = value.textValue();
      String b = other.textValue();
      switch (base) {
        case "StringEquals": return a.equals(b);
        case "StringLessThan": return a.compareTo(b) < 0;
        case "StringGreaterThan": return a.compareTo(b) > 0;
        case "StringLessThanEquals": return a.compareTo(b) <= 0;
        case "StringGreaterThanEquals": return a.compareTo(b) >= 0;
        case "StringMatches": return wildcard(b).matcher(a).matches();
        default: break;
      }
    } else if (base.startsWith("Numeric")) {
      if (!value.isNumber() || !other.isNumber()) {
        return false;
      }
      return ordered(base.substring("Numeric".length()), value.decimalValue().compareTo(other.decimalValue()));
    } else if (base.equals("BooleanEquals")) {
      return value.isBoolean() && other.isBoolean() && value.booleanValue() == other.booleanValue();
    } else if (base.startsWith("Timestamp")) {
      OffsetDateTime a = value.isTextual() ? timestamp(value.textValue()) : null;
      OffsetDateTime b = other.isTextual() ? timestamp(other.textValue()) : null;
      if (a == null || b == null) {
        return false;
      }
      return ordered(base.substring("Timestamp".length()), a.toInstant().compareTo(b.toInstant()));
    }
    throw StatesError.runtime("Unknown Choice operator " + operator);
  }

  private static boolean ordered(String relation, int comparison) throws StatesError {
    switch (relation) {
      case "Equals": return comparison == 0;
      case "LessThan": return comparison < 0;
      case "GreaterThan": return comparison > 0;
      case "LessThanEquals": return comparison <= 0;
      case "GreaterThanEquals": return comparison >= 0;
      default: throw StatesError.runtime("Unknown Choice comparison " + relation);
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

  // Only * is a wildcard; \* is a literal star and \\ a literal backslash.
  private static Pattern wildcard(String pattern) {
    StringBuilder regex = new StringBuilder();
    StringBuilder literal = new StringBuilder();
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '\\' && i + 1 < pattern.length() && (pattern.charAt(i + 1) == '*' || pattern.charAt(i + 1) == '\\')) {
        literal.append(pattern.charAt(++i));
      } else if (c == '*') {
        regex.append(Pattern.quote(literal.toString())).append(".*");
        literal.setLength(0);
      } else {
        literal.append(c);
      }
    }
    regex.append(Pattern.quote(literal.toString()));
    return Pattern.compile(regex.toString(), Pattern.DOTALL);
  }
}
