package io.statecraft.importer;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import io.statecraft.aws.HttpInvoke;
import io.statecraft.dsl.Intrinsic;
import io.statecraft.dsl.ObjectValue;
import io.statecraft.dsl.Path;
import io.statecraft.dsl.Placeholder;
import io.statecraft.dsl.StringValue;
import io.statecraft.dsl.Value;
import io.statecraft.dsl.asl.AslTask;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;

/**
 * Turns an HTTP task ({@code arn:aws:states:::http:invoke}) into {@code HttpInvoke.request(...)},
 * so that its permissions ({@code states:InvokeHTTPEndpoint}, {@code
 * events:RetrieveConnectionCredentials}, reading the connection's secret) are derived, when its
 * {@code Parameters} are the fields {@link HttpInvoke} writes: {@code ApiEndpoint}, {@code Method},
 * {@code Authentication.ConnectionArn}, {@code Headers}, {@code QueryParameters}, {@code
 * RequestBody} and {@code Transform.RequestBodyEncoding} (the HTTP task's fields,
 * https://docs.aws.amazon.com/step-functions/latest/dg/call-https-apis.html#connect-http-task-fields).
 *
 * <p>The connection stays the ARN the task names, usually a placeholder the adopter made for the
 * template's {@code Fn::GetAtt Connection.Arn}: the grants are then those {@link HttpInvoke} derives
 * from an ARN. As for SDK calls, the call is built here as the generated code builds it, and kept
 * only when it writes the very resource and Parameters the task had.
 */
final class HttpTasks {

  /** The HTTP task's resource. */
  static final String RESOURCE = "arn:aws:states:::http:invoke";

  private static final ClassName HTTP_INVOKE = ClassName.get("io.statecraft.aws", "HttpInvoke");
  private static final ClassName HTTP_METHOD = HTTP_INVOKE.nestedClass("Method");
  private static final ClassName PLACEHOLDER = ClassName.get("io.statecraft.dsl", "Placeholder");
  private static final ClassName VALUE = ClassName.get("io.statecraft.dsl", "Value");
  private static final Set<String> FIELDS = Set.of(
      "ApiEndpoint", "Method", "Authentication", "Headers", "QueryParameters", "RequestBody", "Transform");
  private static final String INTEGRATION = "HttpInvoke";

  private HttpTasks() {}

  /** What becomes of an HTTP task; {@code payloadCode} writes a JSON value as the importer does. */
  static TypedTasks.Typing typing(AslTask task, boolean jsonPath, Function<Value, CodeBlock> payloadCode) {
    if (!jsonPath) {
      return raw("a JSONata task's Arguments are written as they are");
    }
    if (task.credentials() != null) {
      return raw("it assumes another role (Credentials), whose permissions the execution role does not hold");
    }
    if (!(task.io().parameters() instanceof ObjectValue parameters)) {
      return raw("its Parameters are not an object");
    }
    for (String field : parameters.fields().keySet()) {
      if (!FIELDS.contains(field)) {
        return raw("its Parameters field " + field + " is none that HttpInvoke writes");
      }
    }
    if (!(parameters.get("Method") instanceof StringValue method) || !isMethod(method.value())) {
      return raw("its Method is no HTTP method written out (GET, POST, PUT, DELETE, PATCH, OPTIONS, HEAD)");
    }
    Value endpoint = parameters.get("ApiEndpoint");
    if (endpoint == null) {
      return raw("it has no ApiEndpoint");
    }
    if (!(parameters.get("Authentication") instanceof ObjectValue authentication)
        || authentication.fields().size() != 1 || authentication.get("ConnectionArn") == null) {
      return raw("its Authentication is not one ConnectionArn");
    }
    try {
      Built url = text(endpoint, payloadCode);
      Built connection = text(authentication.get("ConnectionArn"), payloadCode);
      HttpInvoke call = HttpInvoke.request(HttpInvoke.Method.valueOf(method.value()), url.value())
          .connection(connection.value());
      CodeBlock.Builder code = CodeBlock.builder()
          .add("$T.request($T.$L, $L)$>$>", HTTP_INVOKE, HTTP_METHOD, method.value(), url.code())
          .add("\n.connection($L)", connection.code());
      if (parameters.get("Headers") != null) {
        if (!(parameters.get("Headers") instanceof ObjectValue headers)) {
          return raw("its Headers are not an object");
        }
        for (Map.Entry<String, Value> header : headers.fields().entrySet()) {
          call = call.header(header.getKey(), header.getValue());
          code.add("\n.header($L, $L)", JavaText.literal(header.getKey()), headerCode(header.getValue(), payloadCode));
        }
      }
      Value query = parameters.get("QueryParameters");
      if (query instanceof ObjectValue fields) {
        for (Map.Entry<String, Value> parameter : fields.fields().entrySet()) {
          call = call.queryParameter(parameter.getKey(), parameter.getValue());
          code.add("\n.queryParameter($L, $L)", JavaText.literal(parameter.getKey()), payloadCode.apply(parameter.getValue()));
        }
      } else if (query != null) {
        call = call.queryParameters(query);
        code.add("\n.queryParameters($L)", payloadCode.apply(query));
      }
      if (parameters.get("RequestBody") != null) {
        call = call.requestBody(parameters.get("RequestBody"));
        code.add("\n.requestBody($L)", payloadCode.apply(parameters.get("RequestBody")));
      }
      if (parameters.get("Transform") != null) {
        if (!(parameters.get("Transform") instanceof ObjectValue transform) || transform.fields().size() != 1
            || !new StringValue("URL_ENCODED").equals(transform.get("RequestBodyEncoding"))) {
          return raw("its Transform is more than RequestBodyEncoding URL_ENCODED, which is all HttpInvoke writes");
        }
        call = call.urlEncoded();
        code.add("\n.urlEncoded()");
      }
      code.add("$<$<");
      if (!Objects.equals(TypedTasks.plain(call.payload()), TypedTasks.plain(parameters))) {
        return raw("the typed call would not write the same Parameters");
      }
      return new TypedTasks.Typing(code.build(), call.iamStatements(), null, null, INTEGRATION);
    } catch (Untyped e) {
      return raw(e.getMessage());
    } catch (RuntimeException e) {
      // HttpInvoke refuses the request; its one-line message says why.
      String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      return raw("the typed call is refused: " + message.lines().findFirst().orElse(""));
    }
  }

  private static TypedTasks.Typing raw(String reason) {
    return new TypedTasks.Typing(null, List.of(), reason, null, INTEGRATION);
  }

  private static boolean isMethod(String name) {
    for (HttpInvoke.Method method : HttpInvoke.Method.values()) {
      if (method.name().equals(name)) {
        return true;
      }
    }
    return false;
  }

  /** A value and the Java code that builds it. */
  private record Built(Value value, CodeBlock code) {}

  /** Why the task cannot be typed, one line. */
  private static final class Untyped extends RuntimeException {
    Untyped(String message) {
      super(message, null, false, false);
    }
  }

  // The endpoint or the connection ARN: a placeholder standing for the whole text stays a
  // placeholder (so that the grants name it), other text is literal, a path or intrinsic is read at run time.
  private static Built text(Value value, Function<Value, CodeBlock> payloadCode) {
    if (value instanceof StringValue s) {
      Matcher whole = TypedTasks.WHOLE_PLACEHOLDER.matcher(s.value());
      if (whole.matches()) {
        return new Built(Placeholder.string(whole.group(1)),
            CodeBlock.of("$T.string($L)", PLACEHOLDER, JavaText.literal(whole.group(1))));
      }
      if (s.value().contains("${")) {
        throw new Untyped("its " + s.value() + " has a placeholder inside other text");
      }
      return new Built(s, CodeBlock.of("$T.of($L)", VALUE, JavaText.literal(s.value())));
    }
    if (value instanceof Path || value instanceof Intrinsic) {
      return new Built(value, payloadCode.apply(value));
    }
    throw new Untyped("its ApiEndpoint or ConnectionArn is no text, path or intrinsic");
  }

  // A header written out is given as text, as a hand-written header is.
  private static CodeBlock headerCode(Value value, Function<Value, CodeBlock> payloadCode) {
    return value instanceof StringValue s ? CodeBlock.of("$L", JavaText.literal(s.value())) : payloadCode.apply(value);
  }
}
