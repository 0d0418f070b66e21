package io.statecraft.asl.flow;

import java.util.Objects;
import java.util.function.Function;

/**
 * Why an object is known to have only the fields it has: which state made it, and how. Messages
 * name it ("ResultPath '$' of CalculateArrayLength replaced the input").
 *
 * @param state the state that made the object
 * @param template the explanation, with {@value #STATE} where the state's name goes (so that the
 *     Java line of a state built in Java can follow its name)
 * @param sdkModel the AWS SDK response class or structure the fields come from; null when the
 *     definition itself wrote the fields
 */
record Origin(String state, String template, String sdkModel) {

  static final String STATE = "{state}";

  Origin {
    Objects.requireNonNull(state, "state == null");
    Objects.requireNonNull(template, "template == null");
  }

  static Origin written(String state, String template) {
    return new Origin(state, template, null);
  }

  boolean fromSdk() {
    return sdkModel != null;
  }

  /** The explanation with the state's name, as {@code stateName} shows it (with its Java line). */
  String describe(Function<String, String> stateName) {
    return template.replace(STATE, stateName.apply(state));
  }
}
