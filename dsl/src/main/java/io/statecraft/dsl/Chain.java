package io.statecraft.dsl;

import java.util.List;

/** A sequence of states linked by {@code Next}: the simplest {@link Fragment}. */
public final class Chain implements Fragment {

  private final State<?> start;
  private final List<Chainable<?>> ends;

  private Chain(State<?> start, List<Chainable<?>> ends) {
    this.start = start;
    this.ends = ends;
  }

  /**
   * Links {@code states} in order. Every state but the last must be {@link Chainable}; the last
   * is the open end when it is chainable, and the chain is closed when it is not (a Succeed, a
   * Fail or a Choice).
   */
  public static Chain of(State<?>... states) {
    if (states.length == 0) {
      throw new IllegalArgumentException("a chain needs at least one state");
    }
    for (int i = 0; i + 1 < states.length; i++) {
      if (!(states[i] instanceof Chainable<?> link)) {
        throw new IllegalArgumentException(states[i] + " cannot have a Next; it can only end a chain");
      }
      link.next(states[i + 1]);
    }
    State<?> last = states[states.length - 1];
    List<Chainable<?>> ends = last instanceof Chainable<?> open ? List.of(open) : List.of();
    return new Chain(states[0], ends);
  }

  @Override
  public State<?> start() {
    return start;
  }

  @Override
  public List<Chainable<?>> ends() {
    return ends;
  }
}
