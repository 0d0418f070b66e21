package io.statecraft.dsl;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * A Choice rule's test: a comparison of the value at a path (JSONPath), a combination of tests
 * ({@link #and}, {@link #or}, {@link #not}), or a JSONata {@code Condition}. Every one of the
 * service's operators has a factory here, named after it.
 */
public sealed interface Condition
    permits Condition.Comparison, Condition.And, Condition.Or, Condition.Not, Condition.JsonataCondition {

  /** The rule's {@code Comment}, or null. */
  String comment();

  /** A copy of this test with a {@code Comment}. */
  Condition withComment(String comment);

  /**
   * {@code "Variable": path, "<Operator>": operand}.
   *
   * @param operand a literal of the operator's type, a {@link Path} for the {@code *Path}
   *     operators, a boolean for the {@code Is*} tests, or a {@link Placeholder}
   */
  record Comparison(Path variable, ComparisonOperator operator, Value operand, String comment)
      implements Condition {
    /**
     * Checks that the variable, the operator and its operand are given; build comparisons with the
     * static factories of {@link Condition} instead, which also check the operand's type.
     */
    public Comparison {
      Objects.requireNonNull(variable, "variable == null");
      Objects.requireNonNull(operator, "operator == null");
      Objects.requireNonNull(operand, "operand == null");
    }

    @Override
    public Condition withComment(String comment) {
      return new Comparison(variable, operator, operand, comment);
    }
  }

  /** {@code And}: every test holds. */
  record And(List<Condition> conditions, String comment) implements Condition {
    /** Keeps an unmodifiable copy of the tests, in order. */
    public And {
      conditions = List.copyOf(conditions);
    }

    @Override
    public Condition withComment(String comment) {
      return new And(conditions, comment);
    }
  }

  /** {@code Or}: at least one test holds. */
  record Or(List<Condition> conditions, String comment) implements Condition {
    /** Keeps an unmodifiable copy of the tests, in order. */
    public Or {
      conditions = List.copyOf(conditions);
    }

    @Override
    public Condition withComment(String comment) {
      return new Or(conditions, comment);
    }
  }

  /** {@code Not}: the test does not hold. */
  record Not(Condition condition, String comment) implements Condition {
    /** Checks that the test to negate is given. */
    public Not {
      Objects.requireNonNull(condition, "condition == null");
    }

    @Override
    public Condition withComment(String comment) {
      return new Not(condition, comment);
    }
  }

  /** A JSONata rule's {@code Condition}: an expression ({@link Jsonata}) or a literal boolean. */
  record JsonataCondition(Value condition, String comment) implements Condition {
    /** Checks that the expression or boolean is given. */
    public JsonataCondition {
      Objects.requireNonNull(condition, "condition == null");
    }

    @Override
    public Condition withComment(String comment) {
      return new JsonataCondition(condition, comment);
    }
  }

  /** A JSONata {@code Condition}, such as {@code $count($states.input.ids) > 0}. */
  static Condition jsonata(String expression) {
    return new JsonataCondition(Jsonata.of(expression), null);
  }

  /** {@code And}. */
  static Condition and(Condition... conditions) {
    return new And(List.of(conditions), null);
  }

  /** {@code Or}. */
  static Condition or(Condition... conditions) {
    return new Or(List.of(conditions), null);
  }

  /** {@code Not}. */
  static Condition not(Condition condition) {
    return new Not(condition, null);
  }

  /** {@code StringEquals}: the string at {@code variable} compared with a literal. */
  static Condition stringEquals(Path variable, String value) {
    return compare(variable, ComparisonOperator.STRING_EQUALS, Value.of(value));
  }

  /** {@code StringEquals} against a value CloudFormation fills in at deploy time. */
  static Condition stringEquals(Path variable, Placeholder value) {
    return compare(variable, ComparisonOperator.STRING_EQUALS, value);
  }

  /** {@code StringEqualsPath}: compared with the value at another path. */
  static Condition stringEqualsPath(Path variable, Path other) {
    return compare(variable, ComparisonOperator.STRING_EQUALS_PATH, other);
  }

  /** {@code StringLessThan}: the string at {@code variable} compared with a literal. */
  static Condition stringLessThan(Path variable, String value) {
    return compare(variable, ComparisonOperator.STRING_LESS_THAN, Value.of(value));
  }

  /** {@code StringLessThan} against a value CloudFormation fills in at deploy time. */
  static Condition stringLessThan(Path variable, Placeholder value) {
    return compare(variable, ComparisonOperator.STRING_LESS_THAN, value);
  }

  /** {@code StringLessThanPath}: compared with the value at another path. */
  static Condition stringLessThanPath(Path variable, Path other) {
    return compare(variable, ComparisonOperator.STRING_LESS_THAN_PATH, other);
  }

  /** {@code StringGreaterThan}: the string at {@code variable} compared with a literal. */
  static Condition stringGreaterThan(Path variable, String value) {
    return compare(variable, ComparisonOperator.STRING_GREATER_THAN, Value.of(value));
  }

  /** {@code StringGreaterThan} against a value CloudFormation fills in at deploy time. */
  static Condition stringGreaterThan(Path variable, Placeholder value) {
    return compare(variable, ComparisonOperator.STRING_GREATER_THAN, value);
  }

  /** {@code StringGreaterThanPath}: compared with the value at another path. */
  static Condition stringGreaterThanPath(Path variable, Path other) {
    return compare(variable, ComparisonOperator.STRING_GREATER_THAN_PATH, other);
  }

  /** {@code StringLessThanEquals}: the string at {@code variable} compared with a literal. */
  static Condition stringLessThanEquals(Path variable, String value) {
    return compare(variable, ComparisonOperator.STRING_LESS_THAN_EQUALS, Value.of(value));
  }

  /** {@code StringLessThanEquals} against a value CloudFormation fills in at deploy time. */
  static Condition stringLessThanEquals(Path variable, Placeholder value) {
    return compare(variable, ComparisonOperator.STRING_LESS_THAN_EQUALS, value);
  }

  /** {@code StringLessThanEqualsPath}: compared with the value at another path. */
  static Condition stringLessThanEqualsPath(Path variable, Path other) {
    return compare(variable, ComparisonOperator.STRING_LESS_THAN_EQUALS_PATH, other);
  }

  /** {@code StringGreaterThanEquals}: the string at {@code variable} compared with a literal. */
  static Condition stringGreaterThanEquals(Path variable, String value) {
    return compare(variable, ComparisonOperator.STRING_GREATER_THAN_EQUALS, Value.of(value));
  }

  /** {@code StringGreaterThanEquals} against a value CloudFormation fills in at deploy time. */
  static Condition stringGreaterThanEquals(Path variable, Placeholder value) {
    return compare(variable, ComparisonOperator.STRING_GREATER_THAN_EQUALS, value);
  }

  /** {@code StringGreaterThanEqualsPath}: compared with the value at another path. */
  static Condition stringGreaterThanEqualsPath(Path variable, Path other) {
    return compare(variable, ComparisonOperator.STRING_GREATER_THAN_EQUALS_PATH, other);
  }

  /** {@code NumericEquals}: the number at {@code variable} compared with a literal. */
  static Condition numericEquals(Path variable, Number value) {
    return compare(variable, ComparisonOperator.NUMERIC_EQUALS, number(value));
  }

  /** {@code NumericEqualsPath}: compared with the value at another path. */
  static Condition numericEqualsPath(Path variable, Path other) {
    return compare(variable, ComparisonOperator.NUMERIC_EQUALS_PATH, other);
  }

  /** {@code NumericLessThan}: the number at {@code variable} compared with a literal. */
  static Condition numericLessThan(Path variable, Number value) {
    return compare(variable, ComparisonOperator.NUMERIC_LESS_THAN, number(value));
  }

  /** {@code NumericLessThanPath}: compared with the value at another path. */
  static Condition numericLessThanPath(Path variable, Path other) {
    return compare(variable, ComparisonOperator.NUMERIC_LESS_THAN_PATH, other);
  }

  /** {@code NumericGreaterThan}: the number at {@code variable} compared with a literal. */
  static Condition numericGreaterThan(Path variable, Number value) {
    return compare(variable, ComparisonOperator.NUMERIC_GREATER_THAN, number(value));
  }

  /** {@code NumericGreaterThanPath}: compared with the value at another path. */
  static Condition numericGreaterThanPath(Path variable, Path other) {
    return compare(variable, ComparisonOperator.NUMERIC_GREATER_THAN_PATH, other);
  }

  /** {@code NumericLessThanEquals}: the number at {@code variable} compared with a literal. */
  static Condition numericLessThanEquals(Path variable, Number value) {
    return compare(variable, ComparisonOperator.NUMERIC_LESS_THAN_EQUALS, number(value));
  }

  /** {@code NumericLessThanEqualsPath}: compared with the value at another path. */
  static Condition numericLessThanEqualsPath(Path variable, Path other) {
    return compare(variable, ComparisonOperator.NUMERIC_LESS_THAN_EQUALS_PATH, other);
  }

  /** {@code NumericGreaterThanEquals}: the number at {@code variable} compared with a literal. */
  static Condition numericGreaterThanEquals(Path variable, Number value) {
    return compare(variable, ComparisonOperator.NUMERIC_GREATER_THAN_EQUALS, number(value));
  }

  /** {@code NumericGreaterThanEqualsPath}: compared with the value at another path. */
  static Condition numericGreaterThanEqualsPath(Path variable, Path other) {
    return compare(variable, ComparisonOperator.NUMERIC_GREATER_THAN_EQUALS_PATH, other);
  }

  /** {@code TimestampEquals}: the timestamp at {@code variable} compared with a literal. */
  static Condition timestampEquals(Path variable, String value) {
    return compare(variable, ComparisonOperator.TIMESTAMP_EQUALS, Value.of(value));
  }

  /** {@code TimestampEquals} against a value CloudFormation fills in at deploy time. */
  static Condition timestampEquals(Path variable, Placeholder value) {
    return compare(variable, ComparisonOperator.TIMESTAMP_EQUALS, value);
  }

  /** {@code TimestampEqualsPath}: compared with the value at another path. */
  static Condition timestampEqualsPath(Path variable, Path other) {
    return compare(variable, ComparisonOperator.TIMESTAMP_EQUALS_PATH, other);
  }

  /** {@code TimestampLessThan}: the timestamp at {@code variable} compared with a literal. */
  static Condition timestampLessThan(Path variable, String value) {
    return compare(variable, ComparisonOperator.TIMESTAMP_LESS_THAN, Value.of(value));
  }

  /** {@code TimestampLessThan} against a value CloudFormation fills in at deploy time. */
  static Condition timestampLessThan(Path variable, Placeholder value) {
    return compare(variable, ComparisonOperator.TIMESTAMP_LESS_THAN, value);
  }

  /** {@code TimestampLessThanPath}: compared with the value at another path. */
  static Condition timestampLessThanPath(Path variable, Path other) {
    return compare(variable, ComparisonOperator.TIMESTAMP_LESS_THAN_PATH, other);
  }

  /** {@code TimestampGreaterThan}: the timestamp at {@code variable} compared with a literal. */
  static Condition timestampGreaterThan(Path variable, String value) {
    return compare(variable, ComparisonOperator.TIMESTAMP_GREATER_THAN, Value.of(value));
  }

  /** {@code TimestampGreaterThan} against a value CloudFormation fills in at deploy time. */
  static Condition timestampGreaterThan(Path variable, Placeholder value) {
    return compare(variable, ComparisonOperator.TIMESTAMP_GREATER_THAN, value);
  }

  /** {@code TimestampGreaterThanPath}: compared with the value at another path. */
  static Condition timestampGreaterThanPath(Path variable, Path other) {
    return compare(variable, ComparisonOperator.TIMESTAMP_GREATER_THAN_PATH, other);
  }

  /** {@code TimestampLessThanEquals}: the timestamp at {@code variable} compared with a literal. */
  static Condition timestampLessThanEquals(Path variable, String value) {
    return compare(variable, ComparisonOperator.TIMESTAMP_LESS_THAN_EQUALS, Value.of(value));
  }

  /** {@code TimestampLessThanEquals} against a value CloudFormation fills in at deploy time. */
  static Condition timestampLessThanEquals(Path variable, Placeholder value) {
    return compare(variable, ComparisonOperator.TIMESTAMP_LESS_THAN_EQUALS, value);
  }

  /** {@code TimestampLessThanEqualsPath}: compared with the value at another path. */
  static Condition timestampLessThanEqualsPath(Path variable, Path other) {
    return compare(variable, ComparisonOperator.TIMESTAMP_LESS_THAN_EQUALS_PATH, other);
  }

  /** {@code TimestampGreaterThanEquals}: the timestamp at {@code variable} compared with a literal. */
  static Condition timestampGreaterThanEquals(Path variable, String value) {
    return compare(variable, ComparisonOperator.TIMESTAMP_GREATER_THAN_EQUALS, Value.of(value));
  }

  /** {@code TimestampGreaterThanEquals} against a value CloudFormation fills in at deploy time. */
  static Condition timestampGreaterThanEquals(Path variable, Placeholder value) {
    return compare(variable, ComparisonOperator.TIMESTAMP_GREATER_THAN_EQUALS, value);
  }

  /** {@code TimestampGreaterThanEqualsPath}: compared with the value at another path. */
  static Condition timestampGreaterThanEqualsPath(Path variable, Path other) {
    return compare(variable, ComparisonOperator.TIMESTAMP_GREATER_THAN_EQUALS_PATH, other);
  }

  /** {@code BooleanEquals}. */
  static Condition booleanEquals(Path variable, boolean value) {
    return compare(variable, ComparisonOperator.BOOLEAN_EQUALS, BooleanValue.of(value));
  }

  /** {@code BooleanEqualsPath}. */
  static Condition booleanEqualsPath(Path variable, Path other) {
    return compare(variable, ComparisonOperator.BOOLEAN_EQUALS_PATH, other);
  }

  /** {@code StringMatches}: a pattern where {@code *} matches any run of characters. */
  static Condition stringMatches(Path variable, String pattern) {
    return compare(variable, ComparisonOperator.STRING_MATCHES, Value.of(pattern));
  }

  /** {@code IsPresent: true}. */
  static Condition isPresent(Path variable) {
    return compare(variable, ComparisonOperator.IS_PRESENT, BooleanValue.TRUE);
  }

  /** {@code IsPresent} with an explicit flag: {@code false} tests the opposite. */
  static Condition isPresent(Path variable, boolean expected) {
    return compare(variable, ComparisonOperator.IS_PRESENT, BooleanValue.of(expected));
  }

  /** {@code IsNull: true}. */
  static Condition isNull(Path variable) {
    return compare(variable, ComparisonOperator.IS_NULL, BooleanValue.TRUE);
  }

  /** {@code IsNull} with an explicit flag: {@code false} tests the opposite. */
  static Condition isNull(Path variable, boolean expected) {
    return compare(variable, ComparisonOperator.IS_NULL, BooleanValue.of(expected));
  }

  /** {@code IsString: true}. */
  static Condition isString(Path variable) {
    return compare(variable, ComparisonOperator.IS_STRING, BooleanValue.TRUE);
  }

  /** {@code IsString} with an explicit flag: {@code false} tests the opposite. */
  static Condition isString(Path variable, boolean expected) {
    return compare(variable, ComparisonOperator.IS_STRING, BooleanValue.of(expected));
  }

  /** {@code IsNumeric: true}. */
  static Condition isNumeric(Path variable) {
    return compare(variable, ComparisonOperator.IS_NUMERIC, BooleanValue.TRUE);
  }

  /** {@code IsNumeric} with an explicit flag: {@code false} tests the opposite. */
  static Condition isNumeric(Path variable, boolean expected) {
    return compare(variable, ComparisonOperator.IS_NUMERIC, BooleanValue.of(expected));
  }

  /** {@code IsBoolean: true}. */
  static Condition isBoolean(Path variable) {
    return compare(variable, ComparisonOperator.IS_BOOLEAN, BooleanValue.TRUE);
  }

  /** {@code IsBoolean} with an explicit flag: {@code false} tests the opposite. */
  static Condition isBoolean(Path variable, boolean expected) {
    return compare(variable, ComparisonOperator.IS_BOOLEAN, BooleanValue.of(expected));
  }

  /** {@code IsTimestamp: true}. */
  static Condition isTimestamp(Path variable) {
    return compare(variable, ComparisonOperator.IS_TIMESTAMP, BooleanValue.TRUE);
  }

  /** {@code IsTimestamp} with an explicit flag: {@code false} tests the opposite. */
  static Condition isTimestamp(Path variable, boolean expected) {
    return compare(variable, ComparisonOperator.IS_TIMESTAMP, BooleanValue.of(expected));
  }

  private static Condition compare(Path variable, ComparisonOperator operator, Value operand) {
    return new Comparison(variable, operator, operand, null);
  }

  private static Value number(Number value) {
    Objects.requireNonNull(value, "value == null");
    return new NumberValue(value instanceof BigDecimal d ? d : new BigDecimal(value.toString()));
  }
}
