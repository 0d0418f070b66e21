package io.statecraft.asl.flow;

import java.util.List;

/**
 * What a chain of steps finds in a {@link Shape}: the shape of the value read, or the first field
 * that cannot be there.
 *
 * @param found what the value read is like (unknown as soon as a step leaves what is known)
 * @param missingAt the index of the step naming a field its object cannot have, or -1
 * @param container the object that lacks that field, when {@code missingAt >= 0}
 */
record Lookup(Shape found, int missingAt, Shape container) {

  boolean isMissing() {
    return missingAt >= 0;
  }

  /**
   * Follows {@code steps} from {@code shape}.
   *
   * @param mapsOverArrays whether a field step applies to every item of an array, as JSONata's
   *     navigation does; a JSONPath field step on an array is not followed
   */
  static Lookup follow(Shape shape, List<ReadPath.Step> steps, boolean mapsOverArrays) {
    Shape current = shape;
    boolean several = false;
    for (int i = 0; i < steps.size(); i++) {
      ReadPath.Step step = steps.get(i);
      if (step.isField()) {
        while (mapsOverArrays && current.kind() == Shape.Kind.ARRAY) {
          current = current.element();
          several = true;
        }
        if (!current.isObject()) {
          return new Lookup(Shape.UNKNOWN, -1, null);
        }
        Shape field = current.fields().get(step.field());
        if (field == null) {
          return current.open() ? new Lookup(Shape.UNKNOWN, -1, null) : new Lookup(Shape.UNKNOWN, i, current);
        }
        current = field;
      } else if (current.kind() == Shape.Kind.ARRAY) {
        current = current.element();
        several |= step.all();
      } else {
        return new Lookup(Shape.UNKNOWN, -1, null);
      }
    }
    return new Lookup(several ? Shape.array(current) : current, -1, null);
  }
}
