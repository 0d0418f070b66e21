package io.statecraft.dsl;

/** {@code ResultSelector} (JSONPath): a template applied to the raw result. */
public interface HasResultSelector<S extends State<S>> {

  /**
   * Sets {@code ResultSelector}: a template evaluated against the raw result (paths start at the
   * result, not the input) before {@code ResultPath} places it. Use it to keep only the fields you
   * need of a large service response.
   */
  @SuppressWarnings("unchecked")
  default S resultSelector(Value selector) {
    State<?> state = (State<?>) this;
    state.io = state.io.withResultSelector(selector);
    return (S) state;
  }

  /** Sets {@code ResultSelector} from an object being built with {@link Json#object()}. */
  default S resultSelector(Json.ObjectBuilder selector) {
    return resultSelector(selector.build());
  }
}
