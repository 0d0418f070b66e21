package io.statecraft.dsl;

/** {@code Retry} and {@code Catch}. */
public interface HasErrorHandling<S extends State<S>> {

  /** Adds {@code Retry} entries, tried in order. */
  @SuppressWarnings("unchecked")
  default S retry(Retry... retriers) {
    State<?> state = (State<?>) this;
    for (Retry retry : retriers) {
      state.retriers.add(retry.toAsl());
    }
    return (S) state;
  }

  /** Adds a {@code Catch} entry: on one of its errors, go to {@code target}. */
  @SuppressWarnings("unchecked")
  default S catchErrors(Catch spec, State<?> target) {
    State<?> state = (State<?>) this;
    state.catchers.add(new State.CatchRoute(spec, java.util.Objects.requireNonNull(target, "target == null")));
    target.linkedFrom(state);
    return (S) state;
  }
}
