package io.statecraft.dsl;

/** {@code Assign}: workflow variables the state sets, in either query language. */
public interface HasAssign<S extends State<S>> {

  /** {@code Assign}: replaces the variables this state sets. */
  @SuppressWarnings("unchecked")
  default S assign(ObjectValue variables) {
    State<?> state = (State<?>) this;
    state.io = state.io.withAssign(variables);
    return (S) state;
  }

  /** Adds one variable to {@code Assign}; read it later with {@link Path#variable(String)}. */
  @SuppressWarnings("unchecked")
  default S assign(String variable, Value value) {
    State<?> state = (State<?>) this;
    ObjectValue current = state.io.assign() instanceof ObjectValue o ? o : ObjectValue.EMPTY;
    state.io = state.io.withAssign(current.with(variable, value));
    return (S) state;
  }
}
