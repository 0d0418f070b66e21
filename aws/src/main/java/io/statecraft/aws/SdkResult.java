package io.statecraft.aws;

import io.statecraft.dsl.Jsonata;
import io.statecraft.dsl.Path;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.core.protocol.MarshallingKnownType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.utils.builder.SdkBuilder;

/**
 * A place in an AWS SDK call's result, reached from the SDK's response class, that gives the
 * JSONPath or JSONata text pointing at it: for {@code ResultSelector}, {@code Output}, {@code Assign}
 * and the states after.
 *
 * <pre>{@code
 * SdkResult<String> ids = describe.result(DescribeInstancesResponse.class)
 *     .each(DescribeInstancesResponse::reservations)
 *     .each(Reservation::instances)
 *     .get(Instance::instanceId);
 * ids.path();     // $.Reservations[*].Instances[*].InstanceId
 * ids.jsonata();  // {% $states.result.Reservations.Instances.InstanceId[] %}
 * }</pre>
 *
 * <p>The getters are the response classes' own, so a wrong member does not compile; the untyped
 * {@link #select(String)} checks names against the SDK's model when the workflow is built.
 *
 * @param <T> the SDK type of the value here: a response or structure class, a list, a String, ...
 */
public final class SdkResult<T> {

  private static final Pattern STEP = Pattern.compile("\\.?([A-Za-z0-9_]+)|\\[(\\d+|\\*)]");

  private final String owner;
  /** A fresh builder of the structure here, or null when this is not a structure. */
  private final Supplier<SdkPojo> structure;
  /** The member here when it is not a structure, or null. */
  private final SdkField<?> field;
  /** Names, {@code [n]} and {@code [*]}. */
  private final List<String> steps;

  private SdkResult(String owner, Supplier<SdkPojo> structure, SdkField<?> field, List<String> steps) {
    this.owner = owner;
    this.structure = structure;
    this.field = field;
    this.steps = List.copyOf(steps);
  }

  static <T> SdkResult<T> root(Class<? extends SdkPojo> responseClass, Class<T> type) {
    Supplier<SdkPojo> builder = () -> {
      try {
        return (SdkPojo) responseClass.getMethod("builder").invoke(null);
      } catch (ReflectiveOperationException | ClassCastException e) {
        throw new IllegalArgumentException(responseClass.getName() + " has no SDK builder()", e);
      }
    };
    return new SdkResult<>(responseClass.getSimpleName(), builder, null, List.of());
  }

  /** The member a getter of the structure here reads: {@code get(Instance::instanceId)}. */
  public <U> SdkResult<U> get(Function<? super T, U> getter) {
    SdkField<?> member = memberReadBy(getter);
    return toMember(member, List.of(SdkJson.name(member)));
  }

  /** Every item of a list member, {@code [*]}: {@code each(DescribeInstancesResponse::reservations)}. */
  public <E> SdkResult<E> each(Function<? super T, ? extends List<E>> getter) {
    SdkField<?> member = listMember(memberReadBy(getter));
    return toMember(member.getTrait(ListTrait.class).memberFieldInfo(), List.of(SdkJson.name(member), "[*]"));
  }

  /** One item of a list member, {@code [index]}: {@code at(Reservation::instances, 0)}. */
  public <E> SdkResult<E> at(Function<? super T, ? extends List<E>> getter, int index) {
    if (index < 0) {
      throw new IllegalArgumentException("index < 0: " + index);
    }
    SdkField<?> member = listMember(memberReadBy(getter));
    return toMember(member.getTrait(ListTrait.class).memberFieldInfo(),
        List.of(SdkJson.name(member), "[" + index + "]"));
  }

  /**
   * A place named by a member path, checked against the SDK's model: {@code
   * select("Reservations[*].Instances[*].InstanceId")}, {@code select("Command.CommandId")}.
   *
   * @throws IllegalArgumentException naming the members that exist, when a name is not one
   */
  public SdkResult<Object> select(String memberPath) {
    Objects.requireNonNull(memberPath, "memberPath == null");
    SdkResult<?> current = this;
    Matcher m = STEP.matcher(memberPath);
    int pos = 0;
    while (pos < memberPath.length()) {
      if (!m.region(pos, memberPath.length()).lookingAt() || (pos == 0 && memberPath.startsWith("."))) {
        throw new IllegalArgumentException("cannot read member path \"" + memberPath + "\" at position " + pos
            + ": write member names separated by dots, list indexes as [0] and every item as [*]");
      }
      current = m.group(1) != null ? current.member(m.group(1)) : current.item(m.group(2));
      pos = m.end();
    }
    @SuppressWarnings("unchecked")
    SdkResult<Object> result = (SdkResult<Object>) current;
    return result;
  }

  private SdkResult<Object> member(String name) {
    if (structure != null) {
      Map<String, SdkField<?>> fields = SdkJson.fieldsByName(structure.get());
      SdkField<?> member = fields.get(name);
      if (member == null) {
        throw new IllegalArgumentException(where() + " has no member " + name + "; it has "
            + String.join(", ", fields.keySet()));
      }
      return toMember(member, List.of(name));
    }
    if (field.containsTrait(MapTrait.class)) {
      return toMember(field.getTrait(MapTrait.class).valueFieldInfo(), List.of(name));
    }
    throw new IllegalArgumentException(where() + " is a " + kind() + ", which has no member " + name);
  }

  private SdkResult<Object> item(String index) {
    if (field == null || !field.containsTrait(ListTrait.class)) {
      throw new IllegalArgumentException(where() + " is a " + kind() + ", not a list, so [" + index + "] names nothing");
    }
    return toMember(field.getTrait(ListTrait.class).memberFieldInfo(), List.of("[" + index + "]"));
  }

  private <U> SdkResult<U> toMember(SdkField<?> member, List<String> more) {
    List<String> next = new ArrayList<>(steps);
    next.addAll(more);
    boolean isStructure = member.marshallingType().getKnownType() == MarshallingKnownType.SDK_POJO
        && !member.containsTrait(ListTrait.class) && !member.containsTrait(MapTrait.class)
        && member.constructor() != null;
    return isStructure
        ? new SdkResult<>(owner, member.constructor(), null, next)
        : new SdkResult<>(owner, null, member, next);
  }

  private SdkField<?> listMember(SdkField<?> member) {
    if (!member.containsTrait(ListTrait.class)) {
      throw new IllegalArgumentException(member.memberName() + " of " + where() + " is not a list");
    }
    return member;
  }

  /**
   * Which member a getter reads, found by building the structure with one member set at a time
   * and seeing which one changes what the getter returns. The SDK's model classes are final and
   * their getters plain, so this is exact for getters and fails for anything else.
   */
  private SdkField<?> memberReadBy(Function<? super T, ?> getter) {
    Objects.requireNonNull(getter, "getter == null");
    if (structure == null) {
      throw new IllegalArgumentException(where() + " is a " + kind() + ", not a structure with getters");
    }
    Object empty = applyTo(build(structure.get()), getter);
    List<SdkField<?>> read = new ArrayList<>();
    for (SdkField<?> candidate : structure.get().sdkFields()) {
      SdkPojo builder = structure.get();
      candidate.set(builder, sample(candidate));
      Object value = applyTo(build(builder), getter);
      if (!Objects.equals(value, empty)) {
        read.add(candidate);
      }
    }
    if (read.size() != 1) {
      throw new IllegalArgumentException("the function given for " + where()
          + " is not one of its member getters (it reads " + read.size() + " members); pass a getter such as "
          + "Instance::instanceId, or use select(\"MemberName\")");
    }
    return read.get(0);
  }

  @SuppressWarnings("unchecked")
  private Object applyTo(Object instance, Function<? super T, ?> getter) {
    try {
      return ((Function<Object, ?>) getter).apply(instance);
    } catch (ClassCastException e) {
      throw new IllegalArgumentException("the getter given for " + where() + " belongs to another class: "
          + e.getMessage());
    }
  }

  private static Object build(SdkPojo builder) {
    return ((SdkBuilder<?, ?>) builder).build();
  }

  private static Object sample(SdkField<?> field) {
    MarshallingKnownType type = field.marshallingType().getKnownType();
    if (type == null) {
      return null;
    }
    switch (type) {
      case STRING:
        return "x";
      case INTEGER:
        return 1;
      case LONG:
        return 1L;
      case SHORT:
        return (short) 1;
      case BYTE:
        return (byte) 1;
      case FLOAT:
        return 1f;
      case DOUBLE:
        return 1d;
      case BIG_DECIMAL:
        return BigDecimal.ONE;
      case BOOLEAN:
        return Boolean.TRUE;
      case INSTANT:
        return Instant.EPOCH;
      case SDK_BYTES:
        return SdkBytes.fromUtf8String("x");
      case SDK_POJO:
        return field.constructor() == null ? null : build(field.constructor().get());
      case LIST:
        Object item = sample(field.getTrait(ListTrait.class).memberFieldInfo());
        return item == null ? List.of() : List.of(item);
      case MAP:
        Object value = sample(field.getTrait(MapTrait.class).valueFieldInfo());
        return value == null ? Map.of() : Map.of("x", value);
      case DOCUMENT:
        return Document.fromString("x");
      default:
        return null;
    }
  }

  private String where() {
    return steps.isEmpty() ? owner : owner + " " + memberPath();
  }

  private String kind() {
    if (structure != null) {
      return "structure";
    }
    if (field.containsTrait(ListTrait.class)) {
      return "list";
    }
    if (field.containsTrait(MapTrait.class)) {
      return "map";
    }
    return field.marshallingType().getTargetClass().getSimpleName();
  }

  /** The member path, such as {@code Reservations[*].Instances[*].InstanceId}. */
  public String memberPath() {
    StringBuilder text = new StringBuilder();
    for (String step : steps) {
      if (!step.startsWith("[") && text.length() > 0) {
        text.append('.');
      }
      text.append(step);
    }
    return text.toString();
  }

  /**
   * The JSONPath to this place in the result as the Task's {@code ResultSelector} sees it:
   * {@code $.Reservations[*].Instances[*].InstanceId}.
   */
  public Path path() {
    return pathFrom(Path.ROOT);
  }

  /**
   * The JSONPath to this place where the result was stored: {@code pathFrom(Path.of("$.instances"))}
   * after {@code ResultPath: $.instances}, or a variable {@code Path.variable("described")}.
   */
  public Path pathFrom(Path base) {
    Path path = Objects.requireNonNull(base, "base == null");
    for (String step : steps) {
      if (step.equals("[*]")) {
        path = path.all();
      } else if (step.startsWith("[")) {
        path = path.index(Integer.parseInt(step.substring(1, step.length() - 1)));
      } else {
        path = path.field(step);
      }
    }
    return path;
  }

  /**
   * The JSONata expression for this place in the Task's own result, for its {@code Output} and
   * {@code Assign}: {@code $states.result.Reservations.Instances.InstanceId[]}. JSONata maps over
   * lists by itself, so {@code [*]} has no counterpart; but it turns a list of one into that one
   * value, so a path through every item of a list ends in {@code []}, which keeps it a list.
   */
  public Jsonata jsonata() {
    return jsonataFrom("$states.result");
  }

  /**
   * The JSONata expression for this place under another expression, such as the variable the
   * result was assigned to: {@code jsonataFrom("$described")}.
   */
  public Jsonata jsonataFrom(String base) {
    StringBuilder text = new StringBuilder(Objects.requireNonNull(base, "base == null"));
    for (String step : steps) {
      if (step.equals("[*]")) {
        continue;
      }
      if (step.startsWith("[")) {
        text.append(step);
      } else if (step.matches("[A-Za-z_][A-Za-z0-9_]*")) {
        text.append('.').append(step);
      } else {
        text.append(".`").append(step).append('`');
      }
    }
    if (steps.contains("[*]")) {
      text.append("[]");
    }
    return Jsonata.of(text.toString());
  }

  @Override
  public String toString() {
    return path().expression();
  }
}
