package io.statecraft.aws;

import io.statecraft.dsl.Errors;
import io.statecraft.dsl.IamStatement;
import io.statecraft.dsl.Integration;
import io.statecraft.dsl.Json;
import io.statecraft.dsl.ObjectValue;
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
  public enum Method {
    /** {@code GET}: read. */
    GET,
    /** {@code POST}: create or submit, the usual method of a webhook. */
    POST,
    /** {@code PUT}: replace. */
    PUT,
    /** {@code DELETE}: remove. */
    DELETE,
    /** {@code PATCH}: change part of a resource. */
    PATCH,
    /** {@code OPTIONS}: what the resource supports. */
    OPTIONS,
    /** {@code HEAD}: the headers of a {@code GET}, without its body. */
    HEAD
  }

  private final Method method;
  private final Value endpoint;
  private final Value connectionArn;
  private final Map<String, Value> headers;
  /** {@code QueryParameters}: an object of name → value, or an expression giving one; null for none. */
  private final Value queryParameters;
  private final Value requestBody;
  private final boolean urlEncoded;
  /** The grants to authenticate with the connection; null to derive them from its ARN. */
  private final List<IamStatement> credentialStatements;

  private HttpInvoke(Method method, Value endpoint, Value connectionArn, Map<String, Value> headers,
      Value queryParameters, Value requestBody, boolean urlEncoded,
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
        Objects.requireNonNull(endpoint, "endpoint == null"), null, Map.of(), null, null, false, null);
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
   * The connection by ARN, with the grants that authenticate with it given here rather than
   * derived: none when the workflow grants them itself, such as for one of two connections chosen
   * by a template condition ({@code WorkflowSpec.Builder.permissions(condition, connection.credentialStatements())}).
   */
  public HttpInvoke connection(Value connectionArn, List<IamStatement> credentialStatements) {
    return new HttpInvoke(method, endpoint, Objects.requireNonNull(connectionArn, "connectionArn == null"), headers,
        queryParameters, requestBody, urlEncoded, List.copyOf(credentialStatements));
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

  /**
   * One query parameter. Step Functions appends {@code QueryParameters} to {@code ApiEndpoint},
   * URL-encoding them, so that the endpoint (and the {@code states:HTTPEndpoint} condition on it)
   * stays the URL without a query string
   * (https://docs.aws.amazon.com/step-functions/latest/dg/call-https-apis.html).
   */
  public HttpInvoke queryParameter(String name, Value value) {
    return queryParameters(Map.of(Objects.requireNonNull(name, "name == null"), Objects.requireNonNull(value, "value == null")));
  }

  /** Several query parameters, added to those given before, in the order of {@code parameters}. */
  public HttpInvoke queryParameters(Map<String, ? extends Value> parameters) {
    Map<String, Value> copy = new LinkedHashMap<>(fixedQueryParameters());
    copy.putAll(parameters);
    return new HttpInvoke(method, endpoint, connectionArn, headers, new ObjectValue(copy), requestBody, urlEncoded,
        credentialStatements);
  }

  /**
   * All query parameters from one value known at run time: a JSONata expression or a path that
   * gives an object of name → value, such as parameters parsed from a query string.
   *
   * @throws IllegalStateException when query parameters were given one by one already
   */
  public HttpInvoke queryParameters(Value parameters) {
    Objects.requireNonNull(parameters, "parameters == null");
    if (queryParameters != null) {
      throw new IllegalStateException("http:invoke " + method + " " + endpoint + ": query parameters are given "
          + "already; give them either one by one or as one value");
    }
    return new HttpInvoke(method, endpoint, connectionArn, headers, parameters, requestBody, urlEncoded,
        credentialStatements);
  }

  private Map<String, Value> fixedQueryParameters() {
    if (queryParameters == null) {
      return Map.of();
    }
    if (queryParameters instanceof ObjectValue object) {
      return object.fields();
    }
    throw new IllegalStateException("http:invoke " + method + " " + endpoint + ": the query parameters are one "
        + "value known at run time (" + queryParameters + "); give them either one by one or as one value");
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
    if (queryParameters != null) {
      body.put("QueryParameters", queryParameters);
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
    String knownEndpoint = Payloads.knownBeforeRunTime(endpoint);
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
    String connection = Payloads.knownBeforeRunTime(connectionArn);
    statements.add(IamStatement.allow("events:RetrieveConnectionCredentials", connection != null ? connection
        : "arn:${AWS::Partition}:events:${AWS::Region}:${AWS::AccountId}:connection/*"));
    statements.add(IamStatement.allow(List.of("secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"),
        List.of("arn:${AWS::Partition}:secretsmanager:${AWS::Region}:${AWS::AccountId}:secret:events!connection/*")));
    return List.copyOf(statements);
  }

  @Override
  public String toString() {
    return resource() + " " + method + " " + endpoint;
  }
}
