package io.statecraft.asl.validate;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The comparison operators of JSONPath Choice rules and the kind of operand each takes. */
final class ChoiceOperators {

  private ChoiceOperators() {}

  enum Operand {
    STRING,
    NUMBER,
    BOOLEAN,
    TIMESTAMP,
    /** A reference path to the value compared against. */
    PATH
  }

  /** Every operator, by name. */
  static final Map<String, Operand> ALL;

  static {
    Map<String, Operand> all = new LinkedHashMap<>();
    for (String comparison : new String[] {"Equals", "LessThan", "GreaterThan", "LessThanEquals", "GreaterThanEquals"}) {
      all.put("String" + comparison, Operand.STRING);
      all.put("Numeric" + comparison, Operand.NUMBER);
      all.put("Timestamp" + comparison, Operand.TIMESTAMP);
      all.put("String" + comparison + "Path", Operand.PATH);
      all.put("Numeric" + comparison + "Path", Operand.PATH);
      all.put("Timestamp" + comparison + "Path", Operand.PATH);
    }
    all.put("StringMatches", Operand.STRING);
    all.put("BooleanEquals", Operand.BOOLEAN);
    all.put("BooleanEqualsPath", Operand.PATH);
    for (String test : new String[] {"IsNull", "IsPresent", "IsNumeric", "IsString", "IsBoolean", "IsTimestamp"}) {
      all.put(test, Operand.BOOLEAN);
    }
    ALL = Collections.unmodifiableMap(all);
  }
}
