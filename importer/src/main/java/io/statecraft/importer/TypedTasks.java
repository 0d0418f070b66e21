package io.statecraft.importer;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import io.statecraft.asl.SdkResponseClass;
import io.statecraft.asl.Spelling;
import io.statecraft.aws.AwsSdk;
import io.statecraft.dsl.ArrayValue;
import io.statecraft.dsl.BooleanValue;
import io.statecraft.dsl.IamStatement;
import io.statecraft.dsl.Integration;
import io.statecraft.dsl.Intrinsic;
import io.statecraft.dsl.NumberValue;
import io.statecraft.dsl.ObjectValue;
import io.statecraft.dsl.Path;
import io.statecraft.dsl.Placeholder;
import io.statecraft.dsl.StringValue;
import io.statecraft.dsl.Value;
import io.statecraft.dsl.asl.AslTask;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a Task whose resource is an {@code aws-sdk:service:action} or a request-response
 * optimized integration into a typed call, {@code AwsSdk.call(XRequest.builder()...build())} or
 * {@code AwsSdk.optimized(...)}, when the SDK's model classes of that service are on the class path
 * and the payload is static enough to type: every key a member of the request, each value a literal
 * of the member's type, a nested structure or list of them, or a path or intrinsic standing for a
 * string or a list (written {@code AwsSdk.text(...)}, {@code AwsSdk.list(...)}).
 *
 * <p>The call is built here as the generated code will build it, so that the adopter knows the
 * statements the workflow's build will derive (the action's name and ARN formats from AWS's
 * Service Authorization Reference, through {@code statecraft-aws}), and keeps the typed form only
 * when it writes the very resource and parameters the task had: otherwise the round trip would not
 * hold, and the task stays raw with the reason.
 *
 * <p>Step Functions' AWS SDK integrations take the SDK for Java 2.x's request members in Pascal
 * case (https://docs.aws.amazon.com/step-functions/latest/dg/supported-services-awssdk.html).
 */
final class TypedTasks {

  private static final ClassName AWS_SDK = ClassName.get("io.statecraft.aws", "AwsSdk");
  private static final ClassName PATH = ClassName.get("io.statecraft.dsl", "Path");
  private static final ClassName INTRINSIC = ClassName.get("io.statecraft.dsl", "Intrinsic");
  private static final ClassName PLACEHOLDER = ClassName.get("io.statecraft.dsl", "Placeholder");
  /** A {@code ${Name}} placeholder that is the whole text, as the typed SDK and HTTP tasks take it. */
  static final Pattern WHOLE_PLACEHOLDER = Placeholder.TOKEN;
  private static final String SDK_MODEL = "software.amazon.awssdk.services.";

  /**
   * What became of one Task.
   *
   * @param code the integration expression, or null when the task stays raw
   * @param statements the statements the typed call derives; empty when raw
   * @param reason why the task stays raw; null when typed
   * @param dependency the SDK Maven dependency the typed code (or the typing) needs, such as
   *     {@code software.amazon.awssdk:ec2}; null when the resource is no SDK integration
   * @param integration the class the typed call is written with ({@code AwsSdk}, {@code HttpInvoke})
   *     when the resource is one Statecraft types, typed or not; null when it is none
   */
  record Typing(CodeBlock code, List<IamStatement> statements, String reason, String dependency, String integration) {

    boolean typed() {
      return code != null;
    }
  }

  private final ClassLoader loader;
  private final Map<String, Typing> byState = new LinkedHashMap<>();

  TypedTasks(ClassLoader loader) {
    this.loader = loader;
  }

  /** What became of each Task state, by name, in the order they were typed. */
  Map<String, Typing> byState() {
    return byState;
  }

  /**
   * The typed call for {@code task}, or empty when it stays raw (the reason is kept by state).
   *
   * @param payloadCode writes a JSON value (a request body, a header) as the importer writes payloads
   */
  Optional<CodeBlock> type(String state, AslTask task, boolean jsonPath, Function<Value, CodeBlock> payloadCode) {
    Typing typing = HttpTasks.RESOURCE.equals(task.resource()) ? HttpTasks.typing(task, jsonPath, payloadCode)
        : typing(task, jsonPath);
    byState.put(state, typing);
    return Optional.ofNullable(typing.code());
  }

  private Typing typing(AslTask task, boolean jsonPath) {
    String resource = task.resource();
    Optional<SdkResponseClass> response = SdkResponseClass.of(resource);
    if (response.isEmpty()) {
      return raw("its resource is no AWS SDK or request-response optimized integration that Statecraft types", null);
    }
    String responseName = response.get().className();
    String service = responseName.substring(SDK_MODEL.length(), responseName.indexOf(".model."));
    String dependency = "software.amazon.awssdk:" + service;
    if (!jsonPath) {
      return raw("a JSONata task's Arguments are written as they are", dependency);
    }
    if (task.credentials() != null) {
      return raw("it assumes another role (Credentials), whose permissions the execution role does not hold", dependency);
    }
    String requestName = responseName.substring(0, responseName.length() - "Response".length()) + "Request";
    Class<?> requestClass;
    try {
      requestClass = Class.forName(requestName, false, loader);
    } catch (ClassNotFoundException | LinkageError e) {
      return raw("the SDK model of " + service + " (" + dependency + ") is not on the class path", dependency);
    }
    Value parameters = task.io().parameters();
    ObjectValue payload = parameters == null ? ObjectValue.EMPTY : parameters instanceof ObjectValue o ? o : null;
    if (payload == null) {
      return raw("its Parameters are not an object", dependency);
    }
    try {
      Built built = structure(requestClass, payload, "");
      Object request = built.value();
      Integration call = response.get().sdkIntegration()
          ? AwsSdk.call((software.amazon.awssdk.core.SdkRequest) request)
          : AwsSdk.optimized((software.amazon.awssdk.core.SdkRequest) request);
      CodeBlock code = CodeBlock.of("$T.$L($L)", AWS_SDK, response.get().sdkIntegration() ? "call" : "optimized", built.code());
      if (!call.resource().equals(resource)) {
        return raw("the typed call's resource would be " + call.resource(), dependency);
      }
      Value written = call.payload() == null ? null : plain(call.payload());
      if (parameters == null && written != null) {
        // The call's payload would become Parameters the task does not have.
        return raw("it has no Parameters, which the typed call would write as " + (ObjectValue.EMPTY.equals(written)
            ? "{}" : "its request"), dependency);
      }
      if (!java.util.Objects.equals(written, parameters == null ? null : plain(payload))) {
        return raw("the typed call would not write the same Parameters", dependency);
      }
      return new Typing(code, call.iamStatements(), null, dependency, "AwsSdk");
    } catch (Untyped e) {
      return raw(e.getMessage(), dependency);
    } catch (RuntimeException e) {
      // The SDK or statecraft-aws refuses the request; its one-line message says why.
      return raw("the typed call is refused: " + firstLine(e.getMessage()), dependency);
    }
  }

  private static Typing raw(String reason, String dependency) {
    return new Typing(null, List.of(), reason, dependency, dependency == null ? null : "AwsSdk");
  }

  /** A value and the Java code that builds it. */
  private record Built(Object value, CodeBlock code) {}

  /** Why a payload cannot be typed, one line. */
  private static final class Untyped extends RuntimeException {
    Untyped(String message) {
      super(message, null, false, false);
    }
  }

  // XRequest.builder().member(value)...build(), built and written alike.
  private Built structure(Class<?> type, ObjectValue fields, String where) {
    Object builder;
    Class<?> builderType;
    try {
      Method create = type.getMethod("builder");
      builderType = create.getReturnType();
      builder = create.invoke(null);
    } catch (ReflectiveOperationException e) {
      throw new Untyped(type.getSimpleName() + " has no builder");
    }
    List<String> members = members(builder, builderType);
    // Members one level in from the builder they belong to, as hand-written builders are laid out.
    CodeBlock.Builder code = CodeBlock.builder().add("$T.builder()$>$>", ClassName.get(type));
    for (Map.Entry<String, Value> field : fields.fields().entrySet()) {
      String member = field.getKey();
      String at = where.isEmpty() ? member : where + "." + member;
      if (!members.contains(member)) {
        Optional<String> meant = Spelling.nearest(member, members);
        throw new Untyped(at + " is no member of " + type.getSimpleName()
            + (meant.isPresent() ? " (did you mean " + meant.get() + "?)" : ""));
      }
      Method setter = setter(builderType, member, field.getValue());
      Built value = value(setter, field.getValue(), at);
      invoke(setter, builder, value.value(), at);
      code.add("\n.$N($L)", setter.getName(), value.code());
    }
    code.add("\n.build()$<$<");
    Object built;
    try {
      built = builderType.getMethod("build").invoke(builder);
    } catch (ReflectiveOperationException e) {
      throw new Untyped(type.getSimpleName() + " cannot be built: " + cause(e));
    }
    return new Built(built, code.build());
  }

  // The request's member names, as Step Functions takes them: the SDK fields' names in Pascal case.
  private static List<String> members(Object builder, Class<?> builderType) {
    try {
      Object fields = builderType.getMethod("sdkFields").invoke(builder);
      List<String> names = new ArrayList<>();
      for (Object field : (Collection<?>) fields) {
        String name = (String) field.getClass().getMethod("memberName").invoke(field);
        // Some models name members in camel case (sfn's stateMachineArn); Step Functions takes Pascal case.
        names.add(name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1));
      }
      return names;
    } catch (ReflectiveOperationException e) {
      throw new Untyped(builderType.getName() + " lists no members");
    }
  }

  // The builder's setter for a member: the Collection or String overload, or an enum list's ...WithStrings.
  private static Method setter(Class<?> builderType, String member, Value value) {
    String wanted = member.replaceAll("[^A-Za-z0-9]", "").toLowerCase(Locale.ROOT);
    Method best = null;
    for (Method method : builderType.getMethods()) {
      if (method.getParameterCount() != 1 || Modifier.isStatic(method.getModifiers())) {
        continue;
      }
      String name = method.getName().toLowerCase(Locale.ROOT);
      Class<?> parameter = method.getParameterTypes()[0];
      boolean named = name.equals(wanted) || name.equals(wanted + "withstrings");
      if (!named || parameter.isArray() || java.util.function.Consumer.class.isAssignableFrom(parameter)) {
        continue;
      }
      if (best == null || rank(method) > rank(best)) {
        best = method;
      }
    }
    if (best == null) {
      throw new Untyped(member + " has no setter Statecraft can write");
    }
    return best;
  }

  // Prefer what writes the member as Step Functions takes it: strings over enums, ...WithStrings lists.
  private static int rank(Method method) {
    Class<?> parameter = method.getParameterTypes()[0];
    int rank = parameter == String.class ? 3 : parameter.isEnum() ? 0 : 2;
    if (method.getName().endsWith("WithStrings")) {
      rank += 2;
    }
    return rank;
  }

  private Built value(Method setter, Value value, String at) {
    Class<?> parameter = setter.getParameterTypes()[0];
    Type generic = setter.getGenericParameterTypes()[0];
    if (parameter == String.class) {
      return text(value, at);
    }
    if (Collection.class.isAssignableFrom(parameter)) {
      Class<?> item = itemType(generic);
      if (item == null) {
        throw new Untyped(at + " is a list of lists or maps, which Statecraft does not type");
      }
      if (value instanceof Path || value instanceof Intrinsic) {
        return item == String.class
            ? new Built(AwsSdk.list(value), CodeBlock.of("$T.list($L)", AWS_SDK, dynamic(value)))
            : new Built(AwsSdk.list(item, value), CodeBlock.of("$T.list($T.class, $L)", AWS_SDK, ClassName.get(item), dynamic(value)));
      }
      if (!(value instanceof ArrayValue array)) {
        throw new Untyped(at + " is a list, but the task gives it " + describe(value));
      }
      List<Object> values = new ArrayList<>();
      List<CodeBlock> codes = new ArrayList<>();
      for (int i = 0; i < array.items().size(); i++) {
        Built built = item == String.class ? text(array.items().get(i), at + "[" + i + "]")
            : single(item, array.items().get(i), at + "[" + i + "]");
        values.add(built.value());
        codes.add(built.code());
      }
      return item == String.class || codes.size() < 2
          ? new Built(values, CodeBlock.of("$T.of($L)", List.class, CodeBlock.join(codes, ", ")))
          : new Built(values, CodeBlock.of("$T.of($>$>\n$L$<$<)", List.class, CodeBlock.join(codes, ",\n")));
    }
    return single(parameter, value, at);
  }

  private Built single(Class<?> type, Value value, String at) {
    if (type == String.class) {
      return text(value, at);
    }
    if ((type == Integer.class || type == Long.class) && value instanceof NumberValue n && n.value().scale() <= 0) {
      try {
        return type == Integer.class
            ? new Built(n.value().intValueExact(), CodeBlock.of("$L", n.value().intValueExact()))
            : new Built(n.value().longValueExact(), CodeBlock.of("$LL", n.value().longValueExact()));
      } catch (ArithmeticException e) {
        throw new Untyped(at + " is out of range for " + type.getSimpleName());
      }
    }
    if (type == Boolean.class && value instanceof BooleanValue b) {
      return new Built(b.value(), CodeBlock.of("$L", b.value()));
    }
    if (software.amazon.awssdk.core.SdkPojo.class.isAssignableFrom(type) && value instanceof ObjectValue object) {
      return structure(type, object, at);
    }
    throw new Untyped(at + " is " + describe(value) + " where the request takes " + type.getSimpleName());
  }

  // A String member: a literal, a placeholder standing for the whole value, or a run-time value.
  private static Built text(Value value, String at) {
    if (value instanceof StringValue s) {
      Matcher whole = WHOLE_PLACEHOLDER.matcher(s.value());
      if (whole.matches()) {
        // A deploy-time value: typed as the placeholder, so that the permissions name it.
        Placeholder placeholder = Placeholder.string(whole.group(1));
        return new Built(AwsSdk.text(placeholder), CodeBlock.of("$T.text($T.string($L))", AWS_SDK, PLACEHOLDER,
            JavaText.literal(placeholder.name())));
      }
      if (s.value().contains("${")) {
        throw new Untyped(at + " has a placeholder inside other text");
      }
      return new Built(s.value(), CodeBlock.of("$L", JavaText.literal(s.value())));
    }
    if (value instanceof Path || value instanceof Intrinsic) {
      return new Built(AwsSdk.text(value), CodeBlock.of("$T.text($L)", AWS_SDK, dynamic(value)));
    }
    throw new Untyped(at + " is " + describe(value) + " where the request takes text");
  }

  private static CodeBlock dynamic(Value value) {
    return value instanceof Path p ? CodeBlock.of("$T.of($L)", PATH, JavaText.literal(p.expression()))
        : CodeBlock.of("$T.parse($L)", INTRINSIC, JavaText.literal(((Intrinsic) value).render()));
  }

  private static Class<?> itemType(Type generic) {
    if (generic instanceof ParameterizedType p && p.getActualTypeArguments().length == 1) {
      Type item = p.getActualTypeArguments()[0];
      if (item instanceof java.lang.reflect.WildcardType w && w.getUpperBounds().length == 1) {
        item = w.getUpperBounds()[0];
      }
      if (item instanceof Class<?> c && (c == String.class || software.amazon.awssdk.core.SdkPojo.class.isAssignableFrom(c))) {
        return c;
      }
    }
    return null;
  }

  private static void invoke(Method setter, Object builder, Object value, String at) {
    try {
      setter.invoke(builder, value);
    } catch (IllegalAccessException e) {
      throw new Untyped(at + ": " + setter.getName() + " cannot be called");
    } catch (InvocationTargetException e) {
      throw new Untyped(at + ": " + cause(e));
    }
  }

  private static String cause(ReflectiveOperationException e) {
    Throwable cause = e instanceof InvocationTargetException i && i.getCause() != null ? i.getCause() : e;
    return firstLine(cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage());
  }

  private static String firstLine(String message) {
    return message == null ? "" : message.lines().findFirst().orElse("");
  }

  private static String describe(Value value) {
    if (value instanceof StringValue) {
      return "text";
    }
    if (value instanceof NumberValue) {
      return "a number";
    }
    if (value instanceof BooleanValue) {
      return "a boolean";
    }
    if (value instanceof ObjectValue) {
      return "an object";
    }
    if (value instanceof ArrayValue) {
      return "a list";
    }
    return "a " + value.getClass().getSimpleName().toLowerCase(Locale.ROOT) + " value";
  }

  // A payload as the definition writes it: a placeholder is its ${Name} text.
  static Value plain(Value value) {
    if (value instanceof Placeholder p && p.kind() == Placeholder.Kind.STRING) {
      return new StringValue(p.token());
    }
    if (value instanceof ObjectValue object) {
      Map<String, Value> fields = new LinkedHashMap<>();
      object.fields().forEach((key, item) -> fields.put(key, plain(item)));
      return new ObjectValue(fields);
    }
    if (value instanceof ArrayValue array) {
      return new ArrayValue(array.items().stream().map(TypedTasks::plain).toList());
    }
    return value;
  }
}
