package io.statecraft.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.statecraft.dsl.ArrayValue;
import io.statecraft.dsl.BooleanValue;
import io.statecraft.dsl.Jsonata;
import io.statecraft.dsl.NullValue;
import io.statecraft.dsl.NumberValue;
import io.statecraft.dsl.ObjectValue;
import io.statecraft.dsl.StringValue;
import io.statecraft.dsl.Value;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;

/**
 * The literal values of a definition (a Pass {@code Result}, a Choice operand, a constant in a
 * payload template) as the JSON data a state works on. This is the one place where the typed
 * definition meets state data; anything the service evaluates is handled before it gets here.
 */
final class Literals {

  private Literals() {}

  /**
   * The JSON of a literal value, with numbers typed as the definition reader types them (an
   * {@code int} for {@code 5}, an exact decimal for {@code 5.0}), so that a literal equals the
   * same number read from JSON text.
   *
   * @throws IllegalArgumentException for a path, an intrinsic call or a placeholder, which have
   *     no value until they are evaluated
   */
  static JsonNode toJson(Value value) {
    if (value instanceof ObjectValue object) {
      ObjectNode out = JsonValues.object();
      for (Map.Entry<String, Value> field : object.fields().entrySet()) {
        out.set(field.getKey(), toJson(field.getValue()));
      }
      return out;
    }
    if (value instanceof ArrayValue array) {
      ArrayNode out = JsonValues.NODES.arrayNode();
      array.items().forEach(item -> out.add(toJson(item)));
      return out;
    }
    if (value instanceof StringValue string) {
      return JsonValues.NODES.textNode(string.value());
    }
    if (value instanceof NumberValue number) {
      return number(number.value());
    }
    if (value instanceof BooleanValue bool) {
      return JsonValues.NODES.booleanNode(bool.value());
    }
    if (value instanceof NullValue) {
      return JsonValues.NODES.nullNode();
    }
    // Where a state does not evaluate JSONata, {% ... %} is plain text, as the service sees it.
    if (value instanceof Jsonata expression) {
      return JsonValues.NODES.textNode(expression.render());
    }
    throw new IllegalArgumentException("not a literal value: " + value);
  }

  private static JsonNode number(BigDecimal value) {
    if (value.scale() != 0) {
      return JsonValues.NODES.numberNode(value);
    }
    BigInteger whole = value.unscaledValue();
    if (whole.bitLength() < Integer.SIZE) {
      return JsonValues.NODES.numberNode(whole.intValue());
    }
    if (whole.bitLength() < Long.SIZE) {
      return JsonValues.NODES.numberNode(whole.longValue());
    }
    return JsonValues.NODES.numberNode(whole);
  }
}
