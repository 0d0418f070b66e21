package io.statecraft.aws;

import io.statecraft.dsl.ArrayValue;
import io.statecraft.dsl.Intrinsic;
import io.statecraft.dsl.Jsonata;
import io.statecraft.dsl.ObjectValue;
import io.statecraft.dsl.Path;
import io.statecraft.dsl.Placeholder;
import io.statecraft.dsl.StringValue;
import io.statecraft.dsl.Value;

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
      return call.arguments().stream().anyMatch(Payloads::passesTaskToken);
    }
    if (value instanceof ObjectValue object) {
      return object.fields().values().stream().anyMatch(Payloads::passesTaskToken);
    }
    if (value instanceof ArrayValue array) {
      return array.items().stream().anyMatch(Payloads::passesTaskToken);
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
      object.fields().forEach((key, field) -> checkWritable(field, where.isEmpty() ? key : where + "." + key, operation));
    } else if (value instanceof ArrayValue array) {
      boolean dynamicItem = array.items().stream().anyMatch(item -> item instanceof Path || item instanceof Intrinsic);
      boolean nested = array.items().stream().anyMatch(item -> item instanceof ObjectValue || item instanceof ArrayValue);
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
