package io.statecraft.aws;

import io.statecraft.dsl.Errors;
import io.statecraft.dsl.IamStatement;
import io.statecraft.dsl.Integration;
import io.statecraft.dsl.Json;
import io.statecraft.dsl.ObjectValue;
import io.statecraft.dsl.Placeholder;
import io.statecraft.dsl.StringValue;
import io.statecraft.dsl.Value;
import io.statecraft.dsl.workflow.HttpConnection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A call of an HTTPS API through Step Functions' HTTP task ({@code arn:aws:states:::http:invoke}),
 * authenticated by an EventBridge connection.
 *
 * <pre>{@code
 * HttpConnection webhook = HttpConnection.named("WebhookConnection").apiKey("x-api-key", keyParameter);
 * HttpInvoke notify = HttpInvoke.post(Placeholder.string("WebhookUrl"))
 *     .connection(webhook)
 *     .header("Content-Type", "application/json")
 *     .requestBody(Json.object().put("text", Path.input().field("message")).build());
 * }</pre>
 *
 * <p>It declares the three grants the Step Functions guide lists for HTTP tasks: {@code
 * states:InvokeHTTPEndpoint} on the workflow's own state machine, limited by conditions to this
 * method and (when it is known before run time) this endpoint; {@code
 * events:RetrieveConnectionCredentials} on the connection; and reading the connection's secret,
 * which EventBridge keeps under {@code events!connection/}. A failed call raises
 * {@code States.Http.Socket} or {@link Errors#httpStatus(int)}.
 */
public final class HttpInvoke implements Integration {

  /** The HTTP methods the HTTP task supports. */
  public enum Method { GET, POST, PUT, DELETE, PATCH, OPTIONS, HEAD }

  private final Method method;
  private final Value endpoint;
  private final Value connectionArn;
  private final Map<String, Value> headers;
  private final Map<String, Value> queryParameters;
  private final Value requestBody;
  private final boolean urlEncoded;
  /** The grants to authenticate with the connection; null to derive them from its ARN. */
  private final List<IamStatement> credentialStatements;

  private HttpInvoke(Method method, Value endpoint, Value connectionArn, Map<String, Value> headers,
      Map<String, Value> queryParameters, Value requestBody, boolean urlEncoded,
      List<IamStatement> credentialStatements) {
    this.method = method;
    this.endpoint = endpoint;
    this.connectionArn = connectionArn;
    this.headers = headers;
    this.queryParameters = queryParameters;
    this.requestBody = requestBody;
    this.urlEncoded = urlEncoded;
    this.credentialStatements = credentialStatements;
  }

  /** A request with this method to {@code ApiEndpoint}: a URL, a placeholder or a run-time value. */
  public static HttpInvoke request(Method method, Value endpoint) {
    return new HttpInvoke(Objects.requireNonNull(method, "method == null"),
        Objects.requireNonNull(endpoint, "endpoint == null"), null, Map.of(), Map.of(), null, false, null);
  }

  /** A {@code GET} request to {@code endpoint}. */
  public static HttpInvoke get(Value endpoint) {
    return request(Method.GET, endpoint);
  }

  /** A {@code POST} request to {@code endpoint}. */
  public static HttpInvoke post(Value endpoint) {
    return request(Method.POST, endpoint);
  }

  /**
   * The EventBridge connection that authenticates the call, by ARN: a placeholder such as
   * {@code ${ConnectionArn}}, or the ARN written out. Required by the HTTP task.
   */
  public HttpInvoke connection(Value connectionArn) {
    return new HttpInvoke(method, endpoint, Objects.requireNonNull(connectionArn, "connectionArn == null"), headers,
        queryParameters, requestBody, urlEncoded, null);
  }

  /**
   * The EventBridge connection the workflow declares (or names as existing): its ARN goes into
   * the task and the grants cover only that connection and its own secret.
   */
  public HttpInvoke connection(HttpConnection connection) {
    Objects.requireNonNull(connection, "connection == null");
    return new HttpInvoke(method, endpoint, connection.arn(), headers, queryParameters, requestBody, urlEncoded,
        connection.credentialStatements());
  }

  /** One request header. Headers the connection sets (authorization) belong there instead. */
  public HttpInvoke header(String name, String value) {
    return header(name, Value.of(value));
  }

  /** One request header whose value is a path, an intrinsic or an expression evaluated at run time, or a placeholder. */
  public HttpInvoke header(String name, Value value) {
    Map<String, Value> copy = new LinkedHashMap<>(headers);
    copy.put(name, value);
    return new HttpInvoke(method, endpoint, connectionArn, copy, queryParameters, requestBody, urlEncoded, credentialStatements);
  }

  /** One query parameter. */
  public HttpInvoke queryParameter(String name, Value value) {
    Map<String, Value> copy = new LinkedHashMap<>(queryParameters);
    copy.put(name, value);
    return new HttpInvoke(method, endpoint, connectionArn, headers, copy, requestBody, urlEncoded, credentialStatements);
  }

  /** {@code RequestBody}: JSON, sent as it is unless {@link #urlEncoded()}. */
  public HttpInvoke requestBody(Value body) {
    return new HttpInvoke(method, endpoint, connectionArn, headers, queryParameters, body, urlEncoded, credentialStatements);
  }

  /** Sends the body as {@code application/x-www-form-urlencoded} ({@code Transform.RequestBodyEncoding}). */
  public HttpInvoke urlEncoded() {
    return new HttpInvoke(method, endpoint, connectionArn, headers, queryParameters, requestBody, true, credentialStatements);
  }

  @Override
  public String resource() {
    return "arn:aws:states:::http:invoke";
  }

  /**
   * The HTTP task's parameters.
   *
   * @throws IllegalStateException when no connection was given
   */
  @Override
  public ObjectValue payload() {
    requireConnection();
    Json.ObjectBuilder body = Json.object()
        .put("ApiEndpoint", endpoint)
        .put("Method", method.name())
        .put("Authentication", Json.object().put("ConnectionArn", connectionArn));
    if (!headers.isEmpty()) {
      body.put("Headers", new ObjectValue(headers));
    }
    if (!queryParameters.isEmpty()) {
      body.put("QueryParameters", new ObjectValue(queryParameters));
    }
    if (requestBody != null) {
      body.put("RequestBody", requestBody);
    }
    if (urlEncoded) {
      body.put("Transform", Json.object().put("RequestBodyEncoding", "URL_ENCODED"));
    }
    return body.build();
  }

  private void requireConnection() {
    if (connectionArn == null) {
      throw new IllegalStateException("http:invoke " + method + " " + endpoint + ": the HTTP task needs an "
          + "EventBridge connection for authentication; give it with .connection(connectionArn)");
    }
  }

  @Override
  public List<IamStatement> iamStatements() {
    requireConnection();
    IamStatement invoke = IamStatement.allow("states:InvokeHTTPEndpoint", IamStatement.THIS_STATE_MACHINE)
        .withCondition("StringEquals", "states:HTTPMethod", List.of(method.name()));
    String knownEndpoint = literalOrToken(endpoint);
    if (knownEndpoint != null) {
      invoke = invoke.withCondition("StringEquals", "states:HTTPEndpoint", List.of(knownEndpoint));
    }
    List<IamStatement> statements = new ArrayList<>();
    statements.add(invoke);
    if (credentialStatements != null) {
      statements.addAll(credentialStatements);
      return List.copyOf(statements);
    }
    // Only the ARN is known: EventBridge names a connection's secret after the connection, but
    // with a random suffix, so the grant covers the secrets of every connection in the account.
    String connection = literalOrToken(connectionArn);
    statements.add(IamStatement.allow("events:RetrieveConnectionCredentials", connection != null ? connection
        : "arn:${AWS::Partition}:events:${AWS::Region}:${AWS::AccountId}:connection/*"));
    statements.add(IamStatement.allow(List.of("secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"),
        List.of("arn:${AWS::Partition}:secretsmanager:${AWS::Region}:${AWS::AccountId}:secret:events!connection/*")));
    return List.copyOf(statements);
  }

  // What the value is before run time, as an Fn::Sub string; null when only the execution knows.
  private static String literalOrToken(Value value) {
    if (value instanceof StringValue text) {
      return text.value().replace("${", "${!");
    }
    if (value instanceof Placeholder placeholder && placeholder.kind() == Placeholder.Kind.STRING) {
      return placeholder.token();
    }
    return null;
  }

  @Override
  public String toString() {
    return resource() + " " + method + " " + endpoint;
  }
}
