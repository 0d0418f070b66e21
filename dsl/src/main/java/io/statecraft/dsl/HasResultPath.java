package io.statecraft.dsl;

/** {@code ResultPath} (JSONPath): where the result goes in the state's input. */
public interface HasResultPath<S extends State<S>> {

  /** {@code ResultPath}: a reference path; {@code $} replaces the whole input. */
  @SuppressWarnings("unchecked")
  default S resultPath(Path path) {
    State<?> state = (State<?>) this;
    state.io = state.io.withResultPath(path);
    return (S) state;
  }

  /** {@code ResultPath: null}: the result is dropped and the input passes on unchanged. */
  @SuppressWarnings("unchecked")
  default S discardResult() {
    State<?> state = (State<?>) this;
    state.io = state.io.withResultPath(NullValue.INSTANCE);
    return (S) state;
  }
}
