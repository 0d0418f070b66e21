package io.statecraft.dsl;

/** {@code Arguments} (JSONata): the payload, an object or an expression. */
public interface HasArguments<S extends State<S>> {

  /**
   * Sets {@code Arguments}: the payload sent to the integration (or, in a Map, to each iteration),
   * an object whose values may be {@code {% %}} expressions, or one expression for the whole
   * payload. Only in JSONata states; JSONPath states use {@code Parameters}.
   */
  @SuppressWarnings("unchecked")
  default S arguments(Value arguments) {
    State<?> state = (State<?>) this;
    state.io = state.io.withArguments(arguments);
    return (S) state;
  }

  /** Sets {@code Arguments} from an object being built with {@link Json#object()}. */
  default S arguments(Json.ObjectBuilder arguments) {
    return arguments(arguments.build());
  }
}
