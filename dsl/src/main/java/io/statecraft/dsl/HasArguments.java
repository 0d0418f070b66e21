package io.statecraft.dsl;

/** {@code Arguments} (JSONata): the payload, an object or an expression. */
public interface HasArguments<S extends State<S>> {

  @SuppressWarnings("unchecked")
  default S arguments(Value arguments) {
    State<?> state = (State<?>) this;
    state.io = state.io.withArguments(arguments);
    return (S) state;
  }

  default S arguments(Json.ObjectBuilder arguments) {
    return arguments(arguments.build());
  }
}
