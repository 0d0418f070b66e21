package io.statecraft.dsl;

/** {@code Parameters} (JSONPath): the payload template. */
public interface HasParameters<S extends State<S>> {

  @SuppressWarnings("unchecked")
  default S parameters(Value parameters) {
    State<?> state = (State<?>) this;
    state.io = state.io.withParameters(parameters);
    return (S) state;
  }

  default S parameters(Json.ObjectBuilder parameters) {
    return parameters(parameters.build());
  }
}
