package io.statecraft.aws;

import io.statecraft.dsl.ArrayValue;
import io.statecraft.dsl.Intrinsic;
import io.statecraft.dsl.Jsonata;
import io.statecraft.dsl.ObjectValue;
import io.statecraft.dsl.Path;
import io.statecraft.dsl.Placeholder;
import io.statecraft.dsl.StringValue;
import io.statecraft.dsl.Value;
import java.util.Map;

/** Checks on request payloads that every integration shares. */
final class Payloads {

  private Payloads() {}

  /**
   * What a value is before run time, as an {@code Fn::Sub} string: the text written (a literal
   * {@code ${} escaped as {@code ${!}), or the placeholder CloudFormation fills; null when only the
   * execution knows it.
   */
  static String knownBeforeRunTime(Value value) {
    if (value instanceof StringValue text) {
      return text.value().replace("${", "${!");
    }
    if (value instanceof Placeholder placeholder && placeholder.kind() == Placeholder.Kind.STRING) {
      return placeholder.token();
    }
    return null;
  }

  /** Whether the payload passes the task token on: {@code $$.Task.Token} or {@code $states.context.Task.Token}. */
  static boolean passesTaskToken(Value value) {
    if (value instanceof Path path) {
      return path.expression().startsWith("$$.Task.Token");
    }
    if (value instanceof Jsonata expression) {
      return expression.expression().contains("$states.context.Task.Token");
    }
    if (value instanceof Intrinsic call) {
      return anyPassesTaskToken(call.arguments());
    }
    if (value instanceof ObjectValue object) {
      return anyPassesTaskToken(object.fields().values());
    }
    if (value instanceof ArrayValue array) {
      return anyPassesTaskToken(array.items());
    }
    return false;
  }

  // Loops rather than streams here: every typed call of every generate runs this, and each
  // lambda is a class spun at run time in a cold JVM (issue 19).
  private static boolean anyPassesTaskToken(Iterable<? extends Value> values) {
    for (Value value : values) {
      if (passesTaskToken(value)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Throws when a JSONPath path or intrinsic stands as an item of a list that also holds
   * structures or lists: JSONPath payloads can only write such a list with {@code States.Array},
   * whose arguments cannot be structures.
   */
  static void checkWritable(Value value, String where, String operation) {
    if (value instanceof ObjectValue object) {
      for (Map.Entry<String, Value> field : object.fields().entrySet()) {
        String key = field.getKey();
        checkWritable(field.getValue(), where.isEmpty() ? key : where + "." + key, operation);
      }
    } else if (value instanceof ArrayValue array) {
      boolean dynamicItem = false;
      boolean nested = false;
      for (Value item : array.items()) {
        dynamicItem |= item instanceof Path || item instanceof Intrinsic;
        nested |= item instanceof ObjectValue || item instanceof ArrayValue;
      }
      if (dynamicItem && nested) {
        throw new IllegalArgumentException(operation + ": " + where + " mixes a JSONPath value with structures or "
            + "lists, which a JSONPath payload cannot write (States.Array takes no structures); give the whole list "
            + "as one path, or set the members inside its structures instead");
      }
      for (int i = 0; i < array.items().size(); i++) {
        checkWritable(array.items().get(i), where + "[" + i + "]", operation);
      }
    }
  }
}
