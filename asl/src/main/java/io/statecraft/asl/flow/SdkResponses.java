package io.statecraft.asl.flow;

import io.statecraft.asl.SdkResponseClass;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The response shape of an AWS SDK integration ({@code arn:aws:states:::aws-sdk:ec2:describeInstances}),
 * read from the AWS SDK for Java 2.x model classes when that service's module is on the class
 * path, by reflection so that this module depends on no SDK artifact.
 *
 * <p>Step Functions' SDK integrations are built on the Java SDK 2.x: the service in the ARN is the
 * SDK's package name and the action the operation in camel case, and results come back with the
 * model's member names in PascalCase ("Learning to use AWS service SDK integrations",
 * https://docs.aws.amazon.com/step-functions/latest/dg/supported-services-awssdk.html). So the
 * response of {@code ec2:describeInstances} has the members of
 * {@code software.amazon.awssdk.services.ec2.model.DescribeInstancesResponse}, each named by
 * {@code SdkField.memberName()} ({@code Reservations}, where EC2's wire name is {@code reservationSet}).
 * Timestamps, blobs, maps and documents stay unknown: their JSON form is not the model's.
 */
final class SdkResponses {

  // Plain loops, no lambdas or streams: this runs once per cold JVM on every generate, where each
  // lambda is a class spun at run time (issue 19, bench/RESULTS.md).
  private static final String SDK_PREFIX = "arn:aws:states:::aws-sdk:";
  private static final String RESPONSE_TRANSFORMER = "software.amazon.awssdk.core.sync.ResponseTransformer";

  // Per class loader (held weakly, so a finished build's loader can go), by class name; a missing
  // class is remembered as empty.
  private static final Map<ClassLoader, Map<String, Optional<Shape>>> CACHE =
      Collections.synchronizedMap(new WeakHashMap<>());

  private SdkResponses() {}

  /**
   * The response shape of a Task's resource, when it is a request-response AWS SDK integration whose
   * service model is on the class path; empty otherwise (other integrations, {@code .sync} and
   * {@code .waitForTaskToken} variants, services whose classes are absent).
   */
  static Optional<Shape> of(String resource, String state) {
    Optional<SdkResponseClass> response = SdkResponseClass.of(resource);
    if (response.isEmpty() || !response.get().sdkIntegration()) {
      return Optional.empty();
    }
    String className = response.get().className();
    ClassLoader loader = SdkResponseClass.loader();
    Map<String, Optional<Shape>> byClass;
    synchronized (CACHE) {
      byClass = CACHE.get(loader);
      if (byClass == null) {
        byClass = new ConcurrentHashMap<>();
        CACHE.put(loader, byClass);
      }
    }
    Optional<Shape> shape = byClass.get(className);
    if (shape == null) {
      shape = read(className, loader, resource.substring(SDK_PREFIX.length()));
      Optional<Shape> raced = byClass.putIfAbsent(className, shape);
      if (raced != null) {
        shape = raced;
      }
    }
    return shape.isPresent() ? Optional.of(withState(shape.get(), state, "the result of ")) : Optional.empty();
  }

  private static Optional<Shape> read(String className, ClassLoader loader, String operation) {
    try {
      Class<?> response = Class.forName(className, false, loader);
      Reflection reflection = new Reflection(loader);
      Object builder = response.getMethod("builder").invoke(null);
      String simpleName = response.getSimpleName();
      Shape shape = reflection.structure(builder, simpleName + " of " + operation, new HashSet<>(), 0);
      // A streamed body (S3 GetObject's Body) is no member of the model, yet Step Functions returns it.
      return Optional.of(streamsItsOutput(response, operation.substring(operation.indexOf(':') + 1), loader)
          ? Shape.openObject(shape.fields()) : shape);
    } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
      // The service's classes are absent or not the SDK's: the result stays unknown.
      return Optional.empty();
    }
  }

  /**
   * Whether the service's client streams the operation's output: it has a method for the operation
   * that takes the request and a {@code ResponseTransformer} ({@code S3Client.getObject(GetObjectRequest,
   * ResponseTransformer)}, erased to return {@code Object}). The client is named after the response's
   * base class: {@code S3Response} gives {@code S3Client}, and the request after the response.
   *
   * <p>That one method is looked up by its exact signature. {@code Class.getMethods()} would describe
   * every method of the client, loading each request, response and exception class of the service to
   * do so (about 180 classes for DynamoDB, 140 for SNS): most of the classes a {@code generate} of a
   * workflow with typed SDK calls loaded from the user's class path, none of them used (issue 19).
   */
  private static boolean streamsItsOutput(Class<?> response, String action, ClassLoader loader) {
    String base = response.getSuperclass().getSimpleName();
    String responseName = response.getName();
    if (!base.endsWith("Response") || !responseName.endsWith("Response")) {
      return true; // not the usual layout: assume the worst, that other fields may come back
    }
    String client = response.getPackageName().replace(".model", ".") + base.replace("Response", "Client");
    String request = responseName.substring(0, responseName.length() - "Response".length()) + "Request";
    try {
      Class<?> transformer = Class.forName(RESPONSE_TRANSFORMER, false, loader);
      MethodType streaming = MethodType.methodType(Object.class, Class.forName(request, false, loader), transformer);
      MethodHandles.publicLookup().findVirtual(Class.forName(client, false, loader), action, streaming);
      return true;
    } catch (NoSuchMethodException e) {
      return false;
    } catch (ClassNotFoundException | IllegalAccessException | LinkageError e) {
      return true;
    }
  }

  // The cached shape names no state; each Task gets its own origin.
  private static Shape withState(Shape shape, String state, String part) {
    if (shape.kind() == Shape.Kind.ARRAY) {
      return Shape.array(withState(shape.element(), state, "part of the result of "));
    }
    if (!shape.isObject()) {
      return shape;
    }
    if (shape.open()) {
      return shape;
    }
    Map<String, Shape> fields = new TreeMap<>();
    for (Map.Entry<String, Shape> field : shape.fields().entrySet()) {
      fields.put(field.getKey(), withState(field.getValue(), state, "part of the result of "));
    }
    Origin model = shape.origins().iterator().next();
    return Shape.object(fields, new Origin(state, part + Origin.STATE, model.sdkModel()));
  }

  /** The SDK's own classes, found in the loader that has the service's model. */
  private static final class Reflection {

    private final Method sdkFields;
    private final Method memberName;
    private final Method marshallingType;
    private final Method targetClass;
    private final Method constructor;
    private final Method getTrait;
    private final Class<?> listTrait;
    private final Method memberFieldInfo;

    Reflection(ClassLoader loader) throws ReflectiveOperationException {
      Class<?> pojo = Class.forName("software.amazon.awssdk.core.SdkPojo", false, loader);
      Class<?> field = Class.forName("software.amazon.awssdk.core.SdkField", false, loader);
      Class<?> type = Class.forName("software.amazon.awssdk.core.protocol.MarshallingType", false, loader);
      Class<?> trait = Class.forName("software.amazon.awssdk.core.traits.Trait", false, loader);
      sdkFields = pojo.getMethod("sdkFields");
      memberName = field.getMethod("memberName");
      marshallingType = field.getMethod("marshallingType");
      targetClass = type.getMethod("getTargetClass");
      constructor = field.getMethod("constructor");
      getTrait = field.getMethod("getTrait", Class.class);
      listTrait = Class.forName("software.amazon.awssdk.core.traits.ListTrait", false, loader);
      memberFieldInfo = listTrait.getMethod("memberFieldInfo");
      if (!trait.isAssignableFrom(listTrait)) {
        throw new ClassNotFoundException("not the AWS SDK's ListTrait");
      }
    }

    /** The structure of an SDK model object (a builder), its members by name. */
    Shape structure(Object pojo, String modelName, Set<String> enclosing, int depth)
        throws ReflectiveOperationException {
      Map<String, Shape> members = new TreeMap<>();
      for (Object field : (List<?>) sdkFields.invoke(pojo)) {
        members.put((String) memberName.invoke(field), member(field, enclosing, depth));
      }
      return Shape.object(members, new Origin("", "", modelName));
    }

    private Shape member(Object field, Set<String> enclosing, int depth) throws ReflectiveOperationException {
      if (depth >= Shape.MAX_DEPTH) {
        return Shape.UNKNOWN;
      }
      Class<?> target = (Class<?>) targetClass.invoke(marshallingType.invoke(field));
      switch (target.getSimpleName()) {
        case "String":
          return Shape.STRING;
        case "Integer":
        case "Long":
        case "Short":
        case "Byte":
        case "Float":
        case "Double":
        case "BigDecimal":
          return Shape.NUMBER;
        case "Boolean":
          return Shape.BOOLEAN;
        case "List":
          Object trait = getTrait.invoke(field, listTrait);
          return trait == null ? Shape.ANY_ARRAY
              : Shape.array(member(memberFieldInfo.invoke(trait), enclosing, depth + 1));
        case "SdkPojo":
          Object builder = ((Supplier<?>) constructor.invoke(field)).get();
          String structureName = builder.getClass().getName();
          if (!enclosing.add(structureName)) {
            return Shape.UNKNOWN; // a recursive structure: what lies below is not followed
          }
          try {
            return structure(builder, structureName(builder), enclosing, depth + 1);
          } finally {
            enclosing.remove(structureName);
          }
        default:
          return Shape.UNKNOWN;
      }
    }

    // A builder class is Reservation$BuilderImpl: the structure's name is Reservation.
    private static String structureName(Object builder) {
      Class<?> enclosingClass = builder.getClass().getEnclosingClass();
      return enclosingClass != null ? enclosingClass.getSimpleName() : builder.getClass().getSimpleName();
    }
  }
}
