package io.statecraft.dsl;

import java.util.Arrays;
import java.util.Optional;

/**
 * The comparison operators of a JSONPath Choice rule: each compares the rule's {@code Variable}
 * with a literal, or (the {@code *Path} forms) with the value at another path, or tests its type.
 */
public enum ComparisonOperator {
  /** {@code StringEquals}. */
  STRING_EQUALS("StringEquals", Operand.STRING),
  /** {@code StringEqualsPath}: compares with the value at another path. */
  STRING_EQUALS_PATH("StringEqualsPath", Operand.PATH),
  /** {@code StringLessThan}. */
  STRING_LESS_THAN("StringLessThan", Operand.STRING),
  /** {@code StringLessThanPath}: compares with the value at another path. */
  STRING_LESS_THAN_PATH("StringLessThanPath", Operand.PATH),
  /** {@code StringGreaterThan}. */
  STRING_GREATER_THAN("StringGreaterThan", Operand.STRING),
  /** {@code StringGreaterThanPath}: compares with the value at another path. */
  STRING_GREATER_THAN_PATH("StringGreaterThanPath", Operand.PATH),
  /** {@code StringLessThanEquals}. */
  STRING_LESS_THAN_EQUALS("StringLessThanEquals", Operand.STRING),
  /** {@code StringLessThanEqualsPath}: compares with the value at another path. */
  STRING_LESS_THAN_EQUALS_PATH("StringLessThanEqualsPath", Operand.PATH),
  /** {@code StringGreaterThanEquals}. */
  STRING_GREATER_THAN_EQUALS("StringGreaterThanEquals", Operand.STRING),
  /** {@code StringGreaterThanEqualsPath}: compares with the value at another path. */
  STRING_GREATER_THAN_EQUALS_PATH("StringGreaterThanEqualsPath", Operand.PATH),
  /** {@code StringMatches}. */
  STRING_MATCHES("StringMatches", Operand.STRING),
  /** {@code NumericEquals}. */
  NUMERIC_EQUALS("NumericEquals", Operand.NUMBER),
  /** {@code NumericEqualsPath}: compares with the value at another path. */
  NUMERIC_EQUALS_PATH("NumericEqualsPath", Operand.PATH),
  /** {@code NumericLessThan}. */
  NUMERIC_LESS_THAN("NumericLessThan", Operand.NUMBER),
  /** {@code NumericLessThanPath}: compares with the value at another path. */
  NUMERIC_LESS_THAN_PATH("NumericLessThanPath", Operand.PATH),
  /** {@code NumericGreaterThan}. */
  NUMERIC_GREATER_THAN("NumericGreaterThan", Operand.NUMBER),
  /** {@code NumericGreaterThanPath}: compares with the value at another path. */
  NUMERIC_GREATER_THAN_PATH("NumericGreaterThanPath", Operand.PATH),
  /** {@code NumericLessThanEquals}. */
  NUMERIC_LESS_THAN_EQUALS("NumericLessThanEquals", Operand.NUMBER),
  /** {@code NumericLessThanEqualsPath}: compares with the value at another path. */
  NUMERIC_LESS_THAN_EQUALS_PATH("NumericLessThanEqualsPath", Operand.PATH),
  /** {@code NumericGreaterThanEquals}. */
  NUMERIC_GREATER_THAN_EQUALS("NumericGreaterThanEquals", Operand.NUMBER),
  /** {@code NumericGreaterThanEqualsPath}: compares with the value at another path. */
  NUMERIC_GREATER_THAN_EQUALS_PATH("NumericGreaterThanEqualsPath", Operand.PATH),
  /** {@code BooleanEquals}. */
  BOOLEAN_EQUALS("BooleanEquals", Operand.BOOLEAN),
  /** {@code BooleanEqualsPath}: compares with the value at another path. */
  BOOLEAN_EQUALS_PATH("BooleanEqualsPath", Operand.PATH),
  /** {@code TimestampEquals}. */
  TIMESTAMP_EQUALS("TimestampEquals", Operand.TIMESTAMP),
  /** {@code TimestampEqualsPath}: compares with the value at another path. */
  TIMESTAMP_EQUALS_PATH("TimestampEqualsPath", Operand.PATH),
  /** {@code TimestampLessThan}. */
  TIMESTAMP_LESS_THAN("TimestampLessThan", Operand.TIMESTAMP),
  /** {@code TimestampLessThanPath}: compares with the value at another path. */
  TIMESTAMP_LESS_THAN_PATH("TimestampLessThanPath", Operand.PATH),
  /** {@code TimestampGreaterThan}. */
  TIMESTAMP_GREATER_THAN("TimestampGreaterThan", Operand.TIMESTAMP),
  /** {@code TimestampGreaterThanPath}: compares with the value at another path. */
  TIMESTAMP_GREATER_THAN_PATH("TimestampGreaterThanPath", Operand.PATH),
  /** {@code TimestampLessThanEquals}. */
  TIMESTAMP_LESS_THAN_EQUALS("TimestampLessThanEquals", Operand.TIMESTAMP),
  /** {@code TimestampLessThanEqualsPath}: compares with the value at another path. */
  TIMESTAMP_LESS_THAN_EQUALS_PATH("TimestampLessThanEqualsPath", Operand.PATH),
  /** {@code TimestampGreaterThanEquals}. */
  TIMESTAMP_GREATER_THAN_EQUALS("TimestampGreaterThanEquals", Operand.TIMESTAMP),
  /** {@code TimestampGreaterThanEqualsPath}: compares with the value at another path. */
  TIMESTAMP_GREATER_THAN_EQUALS_PATH("TimestampGreaterThanEqualsPath", Operand.PATH),
  /** {@code IsPresent}: tests the value's type or presence. */
  IS_PRESENT("IsPresent", Operand.BOOLEAN),
  /** {@code IsNull}: tests the value's type or presence. */
  IS_NULL("IsNull", Operand.BOOLEAN),
  /** {@code IsString}: tests the value's type or presence. */
  IS_STRING("IsString", Operand.BOOLEAN),
  /** {@code IsNumeric}: tests the value's type or presence. */
  IS_NUMERIC("IsNumeric", Operand.BOOLEAN),
  /** {@code IsBoolean}: tests the value's type or presence. */
  IS_BOOLEAN("IsBoolean", Operand.BOOLEAN),
  /** {@code IsTimestamp}: tests the value's type or presence. */
  IS_TIMESTAMP("IsTimestamp", Operand.BOOLEAN);

  /** What the operator compares the variable with. */
  public enum Operand {
    /** A literal string, as in {@code StringEquals} and {@code StringMatches}. */
    STRING,
    /** A literal number, as in {@code NumericGreaterThan}. */
    NUMBER,
    /** A literal boolean: {@code BooleanEquals}, and the type tests such as {@code IsPresent}. */
    BOOLEAN,
    /** A literal ISO 8601 timestamp string, as in {@code TimestampLessThan}. */
    TIMESTAMP,
    /** A JSONPath to the value to compare with, as in {@code StringEqualsPath}. */
    PATH
  }

  private final String written;
  private final Operand operand;

  ComparisonOperator(String written, Operand operand) {
    this.written = written;
    this.operand = operand;
  }

  /** The field name in a Choice rule, {@code NumericGreaterThan}. */
  public String written() {
    return written;
  }

  /** What this operator compares the variable with, which decides the JSON type of its value. */
  public Operand operand() {
    return operand;
  }

  /**
   * The operator written {@code name} in a Choice rule ({@code "NumericGreaterThan"}), matched
   * exactly, or empty when the language has no such operator.
   */
  public static Optional<ComparisonOperator> fromWritten(String name) {
    return Arrays.stream(values()).filter(o -> o.written.equals(name)).findFirst();
  }
}
