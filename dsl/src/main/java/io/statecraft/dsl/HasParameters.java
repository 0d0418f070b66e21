package io.statecraft.dsl;

/** {@code Parameters} (JSONPath): the payload template. */
public interface HasParameters<S extends State<S>> {

  /**
   * Sets {@code Parameters}: the payload template of a JSONPath state, whose {@link Path} and
   * {@link Intrinsic} values are evaluated against the input (they are written as {@code "Key.$"}
   * fields). JSONata states use {@code Arguments} instead.
   */
  @SuppressWarnings("unchecked")
  default S parameters(Value parameters) {
    State<?> state = (State<?>) this;
    state.io = state.io.withParameters(parameters);
    return (S) state;
  }

  /** Sets {@code Parameters} from an object being built with {@link Json#object()}. */
  default S parameters(Json.ObjectBuilder parameters) {
    return parameters(parameters.build());
  }
}
