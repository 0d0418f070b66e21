package io.statecraft.asl.validate;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An object with {@code StartAt} and {@code States}: the top level, a Parallel branch or a Map's
 * item processor. Transitions never leave a scope.
 *
 * @param pointer where the object is
 * @param node the object
 * @param kind what holds it
 * @param owner the Parallel or Map state that holds it; null for the top level
 */
record Scope(String pointer, ObjectNode node, Kind kind, String owner) {

  enum Kind {
    TOP_LEVEL,
    BRANCH,
    ITEM_PROCESSOR,
    ITERATOR
  }

  String statesPointer() {
    return pointer + "/States";
  }

  /** How a message names this scope: "the top level", "the item processor of Map state 'M'". */
  String describe() {
    switch (kind) {
      case TOP_LEVEL:
        return "the top level";
      case BRANCH:
        return "branch " + pointer.substring(pointer.lastIndexOf('/') + 1) + " of Parallel state '" + owner + "'";
      case ITEM_PROCESSOR:
        return "the ItemProcessor of Map state '" + owner + "'";
      default:
        return "the Iterator of Map state '" + owner + "'";
    }
  }
}
