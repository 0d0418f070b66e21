package io.statecraft.generator.cfn;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.statecraft.asl.ProblemCode;
import io.statecraft.dsl.workflow.Parameter;
import io.statecraft.asl.Problem;
import io.statecraft.asl.json.JsonPointers;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Writes template parameters and checks that their settings agree: a default the constraints
 * would reject fails only when the stack is created without a value, long after the build.
 */
final class ParameterRules {

  // Plain loops, no lambdas or streams: this runs once per cold JVM on every generate, where each
  // lambda is a class spun at run time (issue 19, bench/RESULTS.md).
  private static final Pattern LOGICAL_ID = Pattern.compile("[A-Za-z0-9]{1,255}");

  private ParameterRules() {}

  static boolean isValidLogicalId(String id) {
    return id != null && LOGICAL_ID.matcher(id).matches();
  }

  /** The parameter's declaration under {@code Parameters}. */
  static ObjectNode declaration(Parameter parameter) {
    return declaration(parameter, false);
  }

  /**
   * The parameter's declaration; {@code inDefinition} when the state machine's definition uses it.
   * A {@code Number} parameter accepts {@code 7.5} and {@code 1e3}, which the definition would
   * take as they are (a {@code Wait} of 7.5 seconds fails the execution): when its settings are
   * whole numbers, it is declared a {@code String} whose pattern admits exactly the integers of
   * its range. Its value reaches the definition as the same text.
   */
  static ObjectNode declaration(Parameter parameter, boolean inDefinition) {
    if (inDefinition && isWholeNumber(parameter)) {
      return integerText(parameter);
    }
    ObjectNode node = TemplateJson.NODES.objectNode();
    node.put("Type", parameter.type().name());
    if (parameter.description() != null) {
      node.put("Description", parameter.description());
    }
    boolean number = parameter.type().isNumber();
    if (parameter.defaultValue() != null) {
      putScalar(node, "Default", parameter.defaultValue(), number);
    }
    if (!parameter.allowedValues().isEmpty()) {
      ArrayNode values = node.putArray("AllowedValues");
      for (String value : parameter.allowedValues()) {
        BigDecimal numeric = number ? asNumber(value) : null;
        if (numeric != null) {
          values.add(numeric);
        } else {
          values.add(value);
        }
      }
    }
    if (parameter.allowedPattern() != null) {
      node.put("AllowedPattern", parameter.allowedPattern());
    }
    if (parameter.minLength() != null) {
      node.put("MinLength", parameter.minLength());
    }
    if (parameter.maxLength() != null) {
      node.put("MaxLength", parameter.maxLength());
    }
    if (parameter.minValue() != null) {
      node.put("MinValue", parameter.minValue());
    }
    if (parameter.maxValue() != null) {
      node.put("MaxValue", parameter.maxValue());
    }
    if (parameter.isNoEcho()) {
      node.put("NoEcho", true);
    }
    if (parameter.constraintDescription() != null) {
      node.put("ConstraintDescription", parameter.constraintDescription());
    }
    return node;
  }

  /** A Number parameter whose default, range and allowed values are all integers. */
  static boolean isWholeNumber(Parameter parameter) {
    if (!parameter.type().isNumber() || parameter.type().isList()) {
      return false;
    }
    List<String> values = new ArrayList<>(parameter.allowedValues());
    if (parameter.defaultValue() != null) {
      values.add(parameter.defaultValue());
    }
    for (String value : values) {
      BigDecimal number = asNumber(value.strip());
      if (number == null || !isLong(number)) {
        return false;
      }
    }
    return (parameter.minValue() == null || isLong(parameter.minValue()))
        && (parameter.maxValue() == null || isLong(parameter.maxValue()))
        && (parameter.minValue() == null || parameter.maxValue() == null
            || parameter.minValue().compareTo(parameter.maxValue()) <= 0);
  }

  private static boolean isLong(BigDecimal number) {
    return number.stripTrailingZeros().scale() <= 0
        && number.abs().compareTo(BigDecimal.valueOf(IntegerPattern.UNBOUNDED)) <= 0;
  }

  private static ObjectNode integerText(Parameter parameter) {
    ObjectNode node = TemplateJson.NODES.objectNode();
    node.put("Type", "String");
    if (parameter.description() != null) {
      node.put("Description", parameter.description());
    }
    if (parameter.defaultValue() != null) {
      node.put("Default", new BigDecimal(parameter.defaultValue().strip()).toBigIntegerExact().toString());
    }
    if (!parameter.allowedValues().isEmpty()) {
      ArrayNode values = node.putArray("AllowedValues");
      for (String value : parameter.allowedValues()) {
        values.add(new BigDecimal(value.strip()).toBigIntegerExact().toString());
      }
    } else {
      long min = parameter.minValue() == null ? -IntegerPattern.UNBOUNDED : parameter.minValue().longValueExact();
      long max = parameter.maxValue() == null ? IntegerPattern.UNBOUNDED : parameter.maxValue().longValueExact();
      node.put("AllowedPattern", IntegerPattern.range(min, max));
    }
    if (parameter.isNoEcho()) {
      node.put("NoEcho", true);
    }
    node.put("ConstraintDescription", parameter.constraintDescription() != null ? parameter.constraintDescription()
        : parameter.allowedValues().isEmpty() ? "a whole number" + bounds(parameter)
        : "one of " + String.join(", ", parameter.allowedValues()));
    return node;
  }

  private static String bounds(Parameter parameter) {
    String from = parameter.minValue() == null ? "" : " from " + parameter.minValue().stripTrailingZeros().toPlainString();
    String to = parameter.maxValue() == null ? "" : (from.isEmpty() ? " up" : "") + " to "
        + parameter.maxValue().stripTrailingZeros().toPlainString();
    return from + to;
  }

  private static void putScalar(ObjectNode node, String key, String value, boolean number) {
    BigDecimal numeric = number ? asNumber(value) : null;
    if (numeric != null) {
      node.put(key, numeric);
    } else {
      node.put(key, value);
    }
  }

  private static BigDecimal asNumber(String text) {
    try {
      return new BigDecimal(text);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** Every disagreement between the parameter's settings, pointing at its declaration. */
  static List<Problem> check(Parameter parameter) {
    List<Problem> problems = new ArrayList<>();
    String pointer = JsonPointers.child("/Parameters", parameter.name());
    String name = "parameter " + parameter.name();
    if (!isValidLogicalId(parameter.name())) {
      problems.add(Problem.error(ProblemCode.INVALID_LOGICAL_ID, pointer, "parameter name '" + parameter.name()
          + "' must be 1 to 255 letters and digits (CloudFormation accepts nothing else); rename it"));
      return problems;
    }
    boolean number = parameter.type().isNumber();
    boolean list = parameter.type().isList();
    String defaultValue = parameter.defaultValue();
    List<String> defaults = defaultValue == null ? List.of()
        : list ? List.of(defaultValue.split(",", -1)) : List.of(defaultValue);
    String defaultPointer = JsonPointers.child(pointer, "Default");

    // An empty default reveals nothing: it makes a secret optional (only some settings need it).
    if (parameter.isNoEcho() && defaultValue != null && !defaultValue.isEmpty()) {
      problems.add(Problem.error(ProblemCode.INVALID_PARAMETER, defaultPointer, name + " is NoEcho, but its Default is "
          + "written in the template for anyone to read; remove the default (or make it empty) and give the value "
          + "when deploying"));
    }
    if (!parameter.allowedValues().isEmpty()) {
      for (String value : defaults) {
        if (!parameter.allowedValues().contains(value.trim())) {
          problems.add(Problem.error(ProblemCode.INVALID_PARAMETER, defaultPointer, name + " has Default '" + value
              + "', which is not one of its AllowedValues " + parameter.allowedValues()
              + "; add it to AllowedValues or choose one of them"));
        }
      }
    }
    if (parameter.allowedPattern() != null) {
      try {
        Pattern pattern = Pattern.compile(parameter.allowedPattern());
        for (String value : defaults) {
          if (!pattern.matcher(value).matches()) {
            problems.add(Problem.error(ProblemCode.INVALID_PARAMETER, defaultPointer, name + " has Default '" + value
                + "', which does not match its AllowedPattern " + parameter.allowedPattern()
                + "; fix the default or the pattern"));
          }
        }
      } catch (PatternSyntaxException e) {
        problems.add(Problem.error(ProblemCode.INVALID_PARAMETER, JsonPointers.child(pointer, "AllowedPattern"),
            name + " has AllowedPattern '" + parameter.allowedPattern() + "', which is not a regular expression ("
                + e.getDescription() + " at index " + e.getIndex() + ")"));
      }
    }
    if (parameter.minLength() != null && parameter.maxLength() != null && parameter.minLength() > parameter.maxLength()) {
      problems.add(Problem.error(ProblemCode.INVALID_PARAMETER, JsonPointers.child(pointer, "MinLength"), name
          + " has MinLength " + parameter.minLength() + " above its MaxLength " + parameter.maxLength()));
    }
    if (parameter.minValue() != null && parameter.maxValue() != null
        && parameter.minValue().compareTo(parameter.maxValue()) > 0) {
      problems.add(Problem.error(ProblemCode.INVALID_PARAMETER, JsonPointers.child(pointer, "MinValue"), name
          + " has MinValue " + parameter.minValue().toPlainString() + " above its MaxValue "
          + parameter.maxValue().toPlainString()));
    }
    if (number && (parameter.minLength() != null || parameter.maxLength() != null)) {
      problems.add(Problem.error(ProblemCode.INVALID_PARAMETER, pointer, name + " is a Number, which MinLength and "
          + "MaxLength do not apply to; use MinValue and MaxValue"));
    }
    if (!number && (parameter.minValue() != null || parameter.maxValue() != null)) {
      problems.add(Problem.error(ProblemCode.INVALID_PARAMETER, pointer, name + " is a " + parameter.type()
          + ", which MinValue and MaxValue do not apply to; use a Number parameter, or MinLength and MaxLength"));
    }
    for (String value : defaults) {
      if (number) {
        BigDecimal numeric = asNumber(value);
        if (numeric == null) {
          problems.add(Problem.error(ProblemCode.INVALID_PARAMETER, defaultPointer, name + " is a Number, but its Default '"
              + value + "' is not a number"));
        } else if (parameter.minValue() != null && numeric.compareTo(parameter.minValue()) < 0
            || parameter.maxValue() != null && numeric.compareTo(parameter.maxValue()) > 0) {
          problems.add(Problem.error(ProblemCode.INVALID_PARAMETER, defaultPointer, name + " has Default " + value
              + ", outside its range " + range(parameter) + "; fix the default or the range"));
        }
      } else if (parameter.minLength() != null && value.length() < parameter.minLength()
          || parameter.maxLength() != null && value.length() > parameter.maxLength()) {
        problems.add(Problem.error(ProblemCode.INVALID_PARAMETER, defaultPointer, name + " has a Default of "
            + value.length() + " characters, outside its length limits " + lengths(parameter)));
      }
    }
    if (number) {
      for (String value : parameter.allowedValues()) {
        if (asNumber(value) == null) {
          problems.add(Problem.error(ProblemCode.INVALID_PARAMETER, JsonPointers.child(pointer, "AllowedValues"),
              name + " is a Number, but its AllowedValues holds '" + value + "', which is not a number"));
        }
      }
    }
    return problems;
  }

  private static String range(Parameter parameter) {
    return (parameter.minValue() == null ? "(none)" : parameter.minValue().toPlainString()) + " to "
        + (parameter.maxValue() == null ? "(none)" : parameter.maxValue().toPlainString());
  }

  private static String lengths(Parameter parameter) {
    return (parameter.minLength() == null ? "0" : parameter.minLength()) + " to "
        + (parameter.maxLength() == null ? "(none)" : parameter.maxLength());
  }
}
