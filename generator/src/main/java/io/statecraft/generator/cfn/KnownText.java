package io.statecraft.generator.cfn;

import io.statecraft.asl.json.JsonPointers;
import io.statecraft.dsl.workflow.Parameter;
import io.statecraft.dsl.workflow.TemplateValue;

/**
 * A text property as far as it is known at build time: the literal, or a parameter's default
 * (then a problem points at that default, which is what the author can change).
 */
record KnownText(String text, String pointer) {

  /** Null when the value is known only at deploy time (a parameter without default, a resource). */
  static KnownText of(TemplateValue value, String propertyPointer) {
    if (value instanceof TemplateValue.Text literal) {
      return new KnownText(literal.value(), propertyPointer);
    }
    if (value instanceof Parameter parameter && parameter.defaultValue() != null) {
      return new KnownText(parameter.defaultValue(),
          JsonPointers.child(JsonPointers.child("/Parameters", parameter.name()), "Default"));
    }
    return null;
  }
}
