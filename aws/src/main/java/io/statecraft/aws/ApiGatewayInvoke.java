package io.statecraft.aws;

import io.statecraft.dsl.ArrayValue;
import io.statecraft.dsl.IamStatement;
import io.statecraft.dsl.Integration;
import io.statecraft.dsl.IntegrationPattern;
import io.statecraft.dsl.Jsonata;
import io.statecraft.dsl.ObjectValue;
import io.statecraft.dsl.Path;
import io.statecraft.dsl.Placeholder;
import io.statecraft.dsl.StringValue;
import io.statecraft.dsl.Value;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A call of an API Gateway REST or HTTP API through Step Functions' optimized integration
 * ({@code arn:aws:states:::apigateway:invoke}). Its request is the integration's own, not an SDK
 * request: {@code ApiEndpoint} (the API's host), {@code Method}, {@code Stage}, {@code Path},
 * {@code Headers} and {@code QueryParameters} (each name with a list of values), {@code RequestBody}
 * and {@code AuthType} (https://docs.aws.amazon.com/step-functions/latest/dg/connect-api-gateway.html).
 *
 * <pre>{@code
 * Task.named("GetBills").call(ApiGatewayInvoke.get(Placeholder.string("BillsApiEndpoint"))
 *     .stage("prod").path("bills").queryParameter("billId", Path.input().field("id"))
 *     .authType(ApiGatewayInvoke.AuthType.IAM_ROLE));
 * }</pre>
 *
 * <p>With {@link AuthType#IAM_ROLE} Step Functions signs the request with the execution role, which is
 * granted {@code execute-api:Invoke} on exactly this API, stage, method and path (the API's id and
 * region read from the endpoint, https://docs.aws.amazon.com/step-functions/latest/dg/api-gateway-iam.html);
 * {@code NO_AUTH} and {@code RESOURCE_POLICY} need no grant of the role (the API's resource policy
 * admits {@code states.amazonaws.com}). A failure raises {@code ApiGateway.<status>} when the API
 * answered ({@link #status(int)}), {@code ApiGateway.<Exception>} otherwise ({@link #error(String)}).
 */
public final class ApiGatewayInvoke implements Integration {

  /** The HTTP methods the integration supports. */
  public enum Method {
    /** {@code GET}: read; {@link #get(Value)} is its shortcut. */
    GET,
    /** {@code POST}: create or submit; {@link #post(Value)} is its shortcut. */
    POST,
    /** {@code PUT}: replace. */
    PUT,
    /** {@code DELETE}: remove. */
    DELETE,
    /** {@code PATCH}: change part of a resource. */
    PATCH,
    /** {@code HEAD}: the headers of a {@code GET}, without its body. */
    HEAD,
    /** {@code OPTIONS}: what the resource supports. */
    OPTIONS
  }

  /** How Step Functions authenticates the call ({@code AuthType}). */
  public enum AuthType {
    /** The API needs no authorization (the default). */
    NO_AUTH,
    /** Signed with the execution role (Signature Version 4); the role is granted {@code execute-api:Invoke}. */
    IAM_ROLE,
    /** The API's resource policy admits Step Functions for this state machine (REST APIs only). */
    RESOURCE_POLICY
  }

  /** What the API answered, in the task's result: {@code $.ResponseBody}. */
  public static final Path RESPONSE_BODY = Path.input().field("ResponseBody");

  /** What the API answered, in a JSONata state: {@code $states.result.ResponseBody}. */
  public static final Jsonata RESPONSE_BODY_JSONATA = Jsonata.of("$states.result.ResponseBody");

  private static final String PAGE = "https://docs.aws.amazon.com/step-functions/latest/dg/connect-api-gateway.html";

  /** {@code <API ID>.execute-api.<region>.amazonaws.com}, the id of lower-case letters and digits (connect-api-gateway.html). */
  private static final Pattern ENDPOINT = Pattern.compile("([0-9a-z]+)\\.execute-api\\.([a-z0-9-]+)\\.amazonaws\\.com(\\.cn)?");

  /** Header names the integration refuses (connect-api-gateway.html, "Request format"). */
  private static final List<String> REFUSED_HEADERS = List.of("authorization", "connection", "content-md5", "expect",
      "host", "max-forwards", "proxy-authenticate", "server", "te", "transfer-encoding", "trailer", "upgrade", "via",
      "www-authenticate");
  private static final List<String> REFUSED_HEADER_PREFIXES = List.of("x-forwarded", "x-amz");

  private final Method method;
  private final Value endpoint;
  private final AuthType authType;
  private final Map<String, Value> fields;
  private final IntegrationPattern pattern;

  private ApiGatewayInvoke(Method method, Value endpoint, AuthType authType, Map<String, Value> fields,
      IntegrationPattern pattern) {
    this.method = method;
    this.endpoint = endpoint;
    this.authType = authType;
    this.fields = fields;
    this.pattern = pattern;
  }

  /**
   * A request with this method to {@code ApiEndpoint}, the API's host
   * ({@code a1b2c3.execute-api.eu-west-1.amazonaws.com}): written out, a placeholder, or a run-time value.
   *
   * @throws IllegalArgumentException when a written-out endpoint is not an API Gateway host
   */
  public static ApiGatewayInvoke request(Method method, Value endpoint) {
    Objects.requireNonNull(method, "method == null");
    Objects.requireNonNull(endpoint, "endpoint == null");
    if (endpoint instanceof StringValue text && !ENDPOINT.matcher(text.value()).matches()) {
      throw new IllegalArgumentException("apigateway:invoke: ApiEndpoint " + text.value() + " is not an API Gateway "
          + "host; give <API ID>.execute-api.<region>.amazonaws.com, without https:// or a path (" + PAGE + ")");
    }
    return new ApiGatewayInvoke(method, endpoint, AuthType.NO_AUTH, Map.of(), IntegrationPattern.REQUEST_RESPONSE);
  }

  /**
   * A {@code GET} request to the API at {@code endpoint} ({@code <API
   * ID>.execute-api.<region>.amazonaws.com}, without scheme or path), given as a value known at
   * deploy time (a placeholder) or at run time (a path or expression).
   */
  public static ApiGatewayInvoke get(Value endpoint) {
    return request(Method.GET, endpoint);
  }

  /**
   * A {@code POST} request to the API at {@code endpoint} ({@code <API
   * ID>.execute-api.<region>.amazonaws.com}, without scheme or path), given as a value known at
   * deploy time (a placeholder) or at run time (a path or expression).
   */
  public static ApiGatewayInvoke post(Value endpoint) {
    return request(Method.POST, endpoint);
  }

  /** {@code Stage}; left out, an HTTP API's {@code $default} stage. */
  public ApiGatewayInvoke stage(String stage) {
    return with("Stage", Value.of(stage));
  }

  /** {@code Path}, appended to the endpoint and stage: {@code bills/add}. */
  public ApiGatewayInvoke path(String path) {
    return path(Value.of(path));
  }

  /**
   * {@code Path} as a value known at deploy or run time, such as a path into the input that names
   * the resource.
   */
  public ApiGatewayInvoke path(Value path) {
    return with("Path", Objects.requireNonNull(path, "path == null"));
  }

  /**
   * One request header with its values.
   *
   * @throws IllegalArgumentException for a header Step Functions does not send ({@code Authorization},
   *     {@code Host}, {@code X-Amz-...}, ...)
   */
  public ApiGatewayInvoke header(String name, Value... values) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (REFUSED_HEADERS.contains(lower) || REFUSED_HEADER_PREFIXES.stream().anyMatch(lower::startsWith)) {
      throw new IllegalArgumentException("apigateway:invoke: Step Functions does not send the header " + name
          + " (it refuses Authorization, Host, X-Forwarded-*, X-Amz-* and other connection headers); "
          + "authenticate with authType(...) instead (" + PAGE + ")");
    }
    return withEntry("Headers", name, values);
  }

  /** One query parameter with its values. */
  public ApiGatewayInvoke queryParameter(String name, Value... values) {
    return withEntry("QueryParameters", name, values);
  }

  /** {@code RequestBody}: JSON or text. */
  public ApiGatewayInvoke requestBody(Value body) {
    return with("RequestBody", Objects.requireNonNull(body, "body == null"));
  }

  /** {@code AuthType}. */
  public ApiGatewayInvoke authType(AuthType type) {
    return new ApiGatewayInvoke(method, endpoint, Objects.requireNonNull(type, "type == null"), fields, pattern);
  }

  /**
   * A copy that waits until someone returns the task token ({@code .waitForTaskToken}).
   *
   * @throws IllegalArgumentException when no header, parameter or body passes the token on
   */
  public ApiGatewayInvoke waitForTaskToken() {
    if (!Payloads.passesTaskToken(new ObjectValue(fields))) {
      throw new IllegalArgumentException("apigateway:invoke.waitForTaskToken: no header, query parameter or body "
          + "passes the task token on, so the API could never answer and the task would wait until it times out; "
          + "put Context.taskToken() ($$.Task.Token) in one of them");
    }
    return new ApiGatewayInvoke(method, endpoint, authType, fields, IntegrationPattern.WAIT_FOR_TASK_TOKEN);
  }

  private ApiGatewayInvoke with(String name, Value value) {
    Map<String, Value> copy = new LinkedHashMap<>(fields);
    copy.put(name, value);
    return new ApiGatewayInvoke(method, endpoint, authType, copy, pattern);
  }

  // Headers and query parameters take a list of values per name.
  private ApiGatewayInvoke withEntry(String field, String name, Value... values) {
    Objects.requireNonNull(name, "name == null");
    Map<String, Value> entries = new LinkedHashMap<>(
        fields.get(field) instanceof ObjectValue existing ? existing.fields() : Map.of());
    entries.put(name, new ArrayValue(Arrays.asList(values)));
    return with(field, new ObjectValue(entries));
  }

  /** The error a response with this HTTP status raises: {@code ApiGateway.403}. */
  public static String status(int status) {
    return "ApiGateway." + status;
  }

  /** The error raised when no HTTP status was available: {@code ApiGateway.<exceptionName>}. */
  public static String error(String exceptionName) {
    return "ApiGateway." + Objects.requireNonNull(exceptionName, "exceptionName == null");
  }

  @Override
  public String resource() {
    return "arn:aws:states:::apigateway:invoke" + pattern.suffix();
  }

  @Override
  public IntegrationPattern pattern() {
    return pattern;
  }

  /** {@code ApiEndpoint}, {@code Method}, the fields set, and {@code AuthType}. */
  @Override
  public ObjectValue payload() {
    Map<String, Value> payload = new LinkedHashMap<>();
    payload.put("ApiEndpoint", endpoint);
    payload.put("Method", Value.of(method.name()));
    payload.putAll(fields);
    payload.put("AuthType", Value.of(authType.name()));
    return new ObjectValue(payload);
  }

  /**
   * {@code execute-api:Invoke} on {@code arn:<partition>:execute-api:<region>:<account>:<api>/<stage>/<METHOD>/<path>}
   * with {@link AuthType#IAM_ROLE}; nothing otherwise. A part known only at run time is {@code *}; the
   * account is the stack's (the endpoint does not name it).
   */
  @Override
  public List<IamStatement> iamStatements() {
    if (authType != AuthType.IAM_ROLE) {
      return List.of();
    }
    String api;
    String region;
    if (endpoint instanceof StringValue text) {
      Matcher host = ENDPOINT.matcher(text.value());
      host.matches();
      api = host.group(1);
      region = host.group(2);
    } else if (endpoint instanceof Placeholder placeholder && placeholder.kind() == Placeholder.Kind.STRING) {
      api = IamStatement.part(placeholder.name(), '.', 0);
      region = IamStatement.part(placeholder.name(), '.', 2);
    } else {
      api = "*";
      region = "${AWS::Region}";
    }
    String stage = fields.containsKey("Stage") ? literal(fields.get("Stage")) : "$default";
    String path = fields.containsKey("Path") ? literal(fields.get("Path")).replaceFirst("^/", "") : "";
    return List.of(IamStatement.allow("execute-api:Invoke", "arn:${AWS::Partition}:execute-api:" + region
        + ":${AWS::AccountId}:" + api + "/" + stage + "/" + method.name() + "/" + path));
  }

  // A stage or path as it stands in the ARN, * when only the execution knows it.
  private static String literal(Value value) {
    return Objects.requireNonNullElse(Payloads.knownBeforeRunTime(value), "*");
  }

  @Override
  public String toString() {
    return resource() + " " + method + " " + endpoint;
  }
}
