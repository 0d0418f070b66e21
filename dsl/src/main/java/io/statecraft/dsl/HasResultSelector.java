package io.statecraft.dsl;

/** {@code ResultSelector} (JSONPath): a template applied to the raw result. */
public interface HasResultSelector<S extends State<S>> {

  @SuppressWarnings("unchecked")
  default S resultSelector(Value selector) {
    State<?> state = (State<?>) this;
    state.io = state.io.withResultSelector(selector);
    return (S) state;
  }

  default S resultSelector(Json.ObjectBuilder selector) {
    return resultSelector(selector.build());
  }
}
