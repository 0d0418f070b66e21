package io.statecraft.dsl;

/** {@code InputPath} and {@code OutputPath} (JSONPath) and {@code Output} (JSONata). */
public interface HasInputOutput<S extends State<S>> {

  /** {@code InputPath}: the part of the input the state works on. */
  @SuppressWarnings("unchecked")
  default S inputPath(Path path) {
    State<?> state = (State<?>) this;
    state.io = state.io.withInputPath(path);
    return (S) state;
  }

  /** {@code InputPath: null}: the state sees an empty object. */
  @SuppressWarnings("unchecked")
  default S inputPath(NullValue none) {
    State<?> state = (State<?>) this;
    state.io = state.io.withInputPath(none);
    return (S) state;
  }

  /** {@code OutputPath}: the part of the result document passed on. */
  @SuppressWarnings("unchecked")
  default S outputPath(Path path) {
    State<?> state = (State<?>) this;
    state.io = state.io.withOutputPath(path);
    return (S) state;
  }

  /** {@code OutputPath: null}: passes on an empty object. */
  @SuppressWarnings("unchecked")
  default S outputPath(NullValue none) {
    State<?> state = (State<?>) this;
    state.io = state.io.withOutputPath(none);
    return (S) state;
  }

  /** {@code Output} (JSONata): the state's output, any value or expression. */
  @SuppressWarnings("unchecked")
  default S output(Value output) {
    State<?> state = (State<?>) this;
    state.io = state.io.withOutput(output);
    return (S) state;
  }
}
