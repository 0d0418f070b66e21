package io.statecraft.dsl;

/**
 * A state that moves on to another one ({@code Next}) or ends its scope ({@code End}). A
 * chainable state with no {@code next} ends its scope by itself.
 */
public interface Chainable<S extends State<S>> {

  /** {@code Next}: returns {@code target}, so that calls chain: {@code a.next(b).next(c)}. */
  default <T extends State<?>> T next(T target) {
    State<?> state = (State<?>) this;
    state.next = java.util.Objects.requireNonNull(target, "target == null");
    target.linkedFrom(state);
    state.end = false;
    return target;
  }

  /** {@code Next} into a fragment; returns it, so that its ends can be chained on. */
  default Fragment next(Fragment fragment) {
    next(fragment.start());
    return fragment;
  }

  /** {@code End: true}, said explicitly; the same as leaving {@code next} unset. */
  @SuppressWarnings("unchecked")
  default S end() {
    State<?> state = (State<?>) this;
    state.next = null;
    state.end = true;
    return (S) state;
  }
}
