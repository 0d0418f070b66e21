package io.statecraft.dsl;

import java.util.List;

/**
 * A piece of a state machine with one entry and some open ends, to be linked into a larger one.
 * A fragment shared by several workflows is a method that builds new states each time it is
 * called (state names must be unique within one state machine, so give it a name prefix):
 *
 * <pre>{@code
 * static Fragment notifyAndFail(String prefix, Placeholder topic) { ... return Chain.of(publish, fail); }
 * }</pre>
 */
public interface Fragment {

  /** The entry state. */
  State<?> start();

  /** The states that continue to whatever comes after the fragment. */
  List<Chainable<?>> ends();

  /** Links every open end to {@code target}; returns it so that calls chain. */
  default <T extends State<?>> T next(T target) {
    for (Chainable<?> end : ends()) {
      end.next(target);
    }
    return target;
  }

  /** A fragment from its entry and its open ends. */
  static Fragment of(State<?> start, List<Chainable<?>> ends) {
    List<Chainable<?>> copy = List.copyOf(ends);
    return new Fragment() {
      @Override
      public State<?> start() {
        return start;
      }

      @Override
      public List<Chainable<?>> ends() {
        return copy;
      }
    };
  }
}
