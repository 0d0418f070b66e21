package io.statecraft.asl.flow;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What is known about a JSON value at some point of a run. {@link Kind#UNKNOWN} is "anything"; an
 * {@link Kind#OBJECT} lists every field the value can have (a field may still be absent at run
 * time, but no other field can be there), with the {@link Origin}s that explain why; an array
 * knows what its items are like. Facts are only ever what every path guarantees: where paths meet,
 * {@link #join} keeps what holds on each of them.
 *
 * @param kind the JSON type, when known
 * @param fields of an object, by name
 * @param element of an array, what every item is like
 * @param origins of an object, why it has only these fields; several when paths meet
 * @param open of an object, whether it may have other fields than those listed (a ResultPath
 *     that adds a field to an input nothing is known about)
 */
record Shape(Kind kind, Map<String, Shape> fields, Shape element, Set<Origin> origins, boolean open) {

  enum Kind {
    UNKNOWN("a value"),
    OBJECT("an object"),
    ARRAY("an array"),
    STRING("a string"),
    NUMBER("a number"),
    BOOLEAN("a boolean"),
    NULL("null");

    private final String described;

    Kind(String described) {
      this.described = described;
    }

    String described() {
      return described;
    }
  }

  private static final Comparator<Origin> ORIGIN_ORDER = new OriginOrder();

  /**
   * Deeper than this, values are not followed: it bounds the facts a loop can build up (a state
   * that nests its input one level deeper on every turn), so that the analysis reaches its fixed
   * point.
   */
  static final int MAX_DEPTH = 8;

  static final Shape UNKNOWN = scalar(Kind.UNKNOWN);
  static final Shape STRING = scalar(Kind.STRING);
  static final Shape NUMBER = scalar(Kind.NUMBER);
  static final Shape BOOLEAN = scalar(Kind.BOOLEAN);
  static final Shape NULL = scalar(Kind.NULL);
  static final Shape ANY_ARRAY = array(UNKNOWN);

  Shape {
    Objects.requireNonNull(kind, "kind == null");
    fields = Collections.unmodifiableMap(new TreeMap<>(fields));
    origins = sortedOrigins(origins);
  }

  // equals and hashCode are written out rather than left to the record: the record's are linked
  // through java.lang.runtime.ObjectMethods on their first call, tens of milliseconds of
  // method-handle spinning in the cold JVM of every fresh generate (issue 19, bench/RESULTS.md).
  @Override
  public boolean equals(Object other) {
    return other instanceof Shape that
        && kind == that.kind
        && open == that.open
        && Objects.equals(element, that.element)
        && fields.equals(that.fields)
        && origins.equals(that.origins);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, fields, element, origins, open);
  }

  private static Shape scalar(Kind kind) {
    return new Shape(kind, Map.of(), null, Set.of(), false);
  }

  static Shape array(Shape element) {
    return new Shape(Kind.ARRAY, Map.of(), element, Set.of(), false);
  }

  static Shape object(Map<String, Shape> fields, Origin origin) {
    return new Shape(Kind.OBJECT, fields, null, Set.of(origin), false).bounded(MAX_DEPTH);
  }

  /** An array of these items: each item is what all of them have in common. */
  static Shape arrayOf(List<Shape> items) {
    Shape common = null;
    for (Shape item : items) {
      common = common == null ? item : common.join(item);
    }
    return array(common == null ? UNKNOWN : common);
  }

  /** An object known to have these fields, and perhaps others. */
  static Shape openObject(Map<String, Shape> fields) {
    return new Shape(Kind.OBJECT, fields, null, Set.of(), true).bounded(MAX_DEPTH);
  }

  /** This object, now explained by {@code origin} (the state that replaced the input with it). */
  Shape because(Origin origin) {
    return isObject() && !open ? new Shape(Kind.OBJECT, fields, null, Set.of(origin), false) : this;
  }

  /** Whether the object comes from an AWS SDK response model on every path. */
  boolean fromSdk() {
    if (origins.isEmpty()) {
      return false;
    }
    for (Origin origin : origins) {
      if (!origin.fromSdk()) {
        return false;
      }
    }
    return true;
  }

  /** What a literal JSON value is: exactly its own structure. */
  static Shape ofLiteral(JsonNode value, Origin origin) {
    if (value.isObject()) {
      Map<String, Shape> fields = new TreeMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        fields.put(field.getKey(), ofLiteral(field.getValue(), origin));
      }
      return object(fields, origin);
    }
    if (value.isArray()) {
      List<Shape> items = new ArrayList<>();
      for (JsonNode item : value) {
        items.add(ofLiteral(item, origin));
      }
      return arrayOf(items);
    }
    if (value.isTextual()) {
      return STRING;
    }
    if (value.isNumber()) {
      return NUMBER;
    }
    if (value.isBoolean()) {
      return BOOLEAN;
    }
    return value.isNull() ? NULL : UNKNOWN;
  }

  boolean isKnown() {
    return kind != Kind.UNKNOWN;
  }

  boolean isObject() {
    return kind == Kind.OBJECT;
  }

  /** What holds on both paths: same kinds keep what both know; different kinds are unknown. */
  Shape join(Shape other) {
    if (this.equals(other)) {
      return this;
    }
    if (kind != other.kind) {
      return UNKNOWN;
    }
    if (kind == Kind.ARRAY) {
      return array(element.join(other.element));
    }
    if (kind != Kind.OBJECT) {
      return this;
    }
    Map<String, Shape> joined = new TreeMap<>(fields);
    for (Map.Entry<String, Shape> field : other.fields.entrySet()) {
      Shape mine = joined.get(field.getKey());
      joined.put(field.getKey(), mine == null ? field.getValue() : mine.join(field.getValue()));
    }
    Set<Origin> bothOrigins = new TreeSet<>(ORIGIN_ORDER);
    bothOrigins.addAll(origins);
    bothOrigins.addAll(other.origins);
    boolean eitherOpen = open || other.open;
    return new Shape(Kind.OBJECT, joined, null, eitherOpen ? Set.of() : bothOrigins, eitherOpen);
  }

  /** This object with one field set (ResultPath into a known object). */
  Shape with(String name, Shape value) {
    Map<String, Shape> changed = new TreeMap<>(fields);
    changed.put(name, value);
    return new Shape(Kind.OBJECT, changed, null, origins, open).bounded(MAX_DEPTH);
  }

  private Shape bounded(int depth) {
    if (depth == 0) {
      return UNKNOWN;
    }
    if (kind == Kind.ARRAY) {
      Shape boundedElement = element.bounded(depth - 1);
      return boundedElement == element ? this : array(boundedElement);
    }
    if (kind != Kind.OBJECT) {
      return this;
    }
    Map<String, Shape> boundedFields = new TreeMap<>();
    boolean changed = false;
    for (Map.Entry<String, Shape> field : fields.entrySet()) {
      Shape bounded = field.getValue().bounded(depth - 1);
      changed |= bounded != field.getValue();
      boundedFields.put(field.getKey(), bounded);
    }
    return changed ? new Shape(Kind.OBJECT, boundedFields, null, origins, open) : this;
  }

  private static Set<Origin> sortedOrigins(Set<Origin> origins) {
    Set<Origin> sorted = new TreeSet<>(ORIGIN_ORDER);
    sorted.addAll(origins);
    return Collections.unmodifiableSet(sorted);
  }

  private static final class OriginOrder implements Comparator<Origin> {
    @Override
    public int compare(Origin a, Origin b) {
      int byState = a.state().compareTo(b.state());
      return byState != 0 ? byState : a.template().compareTo(b.template());
    }
  }
}
