package io.statecraft.dsl.workflow;

import io.statecraft.dsl.IamStatement;
import io.statecraft.dsl.Placeholder;
import io.statecraft.dsl.StringValue;
import io.statecraft.dsl.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An EventBridge connection ({@code AWS::Events::Connection}): the credentials and extra request
 * parameters the HTTP task ({@code arn:aws:states:::http:invoke}) sends to an endpoint. EventBridge
 * keeps the credentials in a secret of its own, so they never appear in the definition, the
 * execution history or the logs.
 *
 * <p>Secret values (API key, password, client secret, secret invocation parameters) come only
 * from {@link Parameter#noEcho() NoEcho} parameters; anything else is reported when the workflow
 * is compiled.
 *
 * <pre>{@code
 * Parameter webhookUrl = Parameter.string("WebhookUrl").allowedPattern("https://[^@]+");
 * Parameter signature = Parameter.string("WebhookSignature").noEcho();
 * HttpConnection teams = HttpConnection.named("TeamsConnection")
 *     .apiKey("x-statecraft-unused", signature)
 *     .secretQueryParameter("sig", signature);
 * // in the HTTP task: "Authentication": {"ConnectionArn": teams.arn()},
 * // and its permissions: teams.iamStatementsForInvoke(webhookUrl.ref(), "POST")
 * }</pre>
 */
public final class HttpConnection implements ArnResource {

  /** How the connection authorizes ({@code AuthorizationType}). */
  public enum Authorization {
    /** {@code API_KEY}: a header of the key's name with the key as its value on every request. */
    API_KEY,
    /** {@code BASIC}: HTTP Basic authentication with a user name and a password. */
    BASIC,
    /**
     * {@code OAUTH_CLIENT_CREDENTIALS}: a token fetched from an authorization endpoint with a
     * client id and secret.
     */
    OAUTH_CLIENT_CREDENTIALS
  }

  /** Where an extra request parameter goes. */
  public enum Location {
    /** An HTTP header. */
    HEADER,
    /** A query string parameter of the URL. */
    QUERY_STRING,
    /** A field of the request body. */
    BODY
  }

  /** The HTTP method of the OAuth authorization endpoint. */
  public enum OAuthMethod {
    /** {@code GET}. */
    GET,
    /** {@code POST}, the usual method of a token endpoint. */
    POST,
    /** {@code PUT}. */
    PUT
  }

  /**
   * A parameter added to every request (invocation parameters) or to the OAuth token request.
   *
   * @param location header, query string or body
   * @param key its name
   * @param value its value; a {@link Parameter} that is NoEcho when {@code secret}
   * @param secret whether EventBridge keeps it secret (not shown by the API, stored in the secret)
   */
  public record HttpParameter(Location location, String key, TemplateValue value, boolean secret) {
    /** Checks that the location, key and value are given. */
    public HttpParameter {
      Objects.requireNonNull(location, "location == null");
      Objects.requireNonNull(key, "key == null");
      Objects.requireNonNull(value, "value == null");
    }
  }

  private final String logicalId;
  private final Parameter existingArn;
  private final Parameter existingSecretArn;
  private String description;
  private Authorization authorization;
  private String apiKeyName;
  private TemplateValue apiKeyValue;
  private Parameter username;
  private Parameter password;
  private TemplateValue authorizationEndpoint;
  private OAuthMethod oauthMethod;
  private Parameter clientId;
  private Parameter clientSecret;
  private final List<HttpParameter> oauthParameters = new ArrayList<>();
  private final List<HttpParameter> invocationParameters = new ArrayList<>();

  private HttpConnection(String logicalId, Parameter existingArn, Parameter existingSecretArn) {
    this.logicalId = Objects.requireNonNull(logicalId, "logicalId == null");
    this.existingArn = existingArn;
    this.existingSecretArn = existingSecretArn;
  }

  /** A connection the stack creates; choose its authorization with one of the methods below. */
  public static HttpConnection named(String logicalId) {
    return new HttpConnection(logicalId, null, null);
  }

  /**
   * An existing connection: its ARN and the ARN of the secret EventBridge keeps its credentials
   * in (the console shows both), as parameters.
   */
  public static HttpConnection existing(Parameter connectionArn, Parameter secretArn) {
    Objects.requireNonNull(connectionArn, "connectionArn == null");
    Objects.requireNonNull(secretArn, "secretArn == null");
    return new HttpConnection(connectionArn.name(), connectionArn, secretArn);
  }

  /** {@code Description}. */
  public HttpConnection description(String description) {
    this.description = description;
    return this;
  }

  /**
   * API key authorization: header {@code headerName} with the (NoEcho) parameter's value. To send
   * the secret this way only under a template condition, give
   * {@code TemplateValue.when(condition, noEchoParameter, TemplateValue.of("unused"))}: the literal,
   * sent otherwise, must be no secret (EventBridge requires a value).
   */
  public HttpConnection apiKey(String headerName, TemplateValue value) {
    this.authorization = Authorization.API_KEY;
    this.apiKeyName = Objects.requireNonNull(headerName, "headerName == null");
    this.apiKeyValue = Objects.requireNonNull(value, "value == null");
    return this;
  }

  /** Basic authorization with a user name and a (NoEcho) password parameter. */
  public HttpConnection basic(Parameter username, Parameter password) {
    this.authorization = Authorization.BASIC;
    this.username = Objects.requireNonNull(username, "username == null");
    this.password = Objects.requireNonNull(password, "password == null");
    return this;
  }

  /**
   * OAuth client credentials: EventBridge fetches and refreshes the token from
   * {@code authorizationEndpoint} with the client id and (NoEcho) client secret.
   */
  public HttpConnection oauthClientCredentials(
      TemplateValue authorizationEndpoint, OAuthMethod method, Parameter clientId, Parameter clientSecret) {
    this.authorization = Authorization.OAUTH_CLIENT_CREDENTIALS;
    this.authorizationEndpoint = Objects.requireNonNull(authorizationEndpoint, "authorizationEndpoint == null");
    this.oauthMethod = Objects.requireNonNull(method, "method == null");
    this.clientId = Objects.requireNonNull(clientId, "clientId == null");
    this.clientSecret = Objects.requireNonNull(clientSecret, "clientSecret == null");
    return this;
  }

  /** A parameter of the OAuth token request ({@code OAuthParameters.OAuthHttpParameters}). */
  public HttpConnection oauthParameter(Location location, String key, TemplateValue value, boolean secret) {
    oauthParameters.add(new HttpParameter(location, key, value, secret));
    return this;
  }

  /** A header sent with every request. */
  public HttpConnection header(String key, TemplateValue value) {
    invocationParameters.add(new HttpParameter(Location.HEADER, key, value, false));
    return this;
  }

  /**
   * A secret header sent with every request, from a NoEcho parameter; only when a condition holds
   * with {@code TemplateValue.when(condition, noEchoParameter)}.
   */
  public HttpConnection secretHeader(String key, TemplateValue value) {
    invocationParameters.add(new HttpParameter(Location.HEADER, key, value, true));
    return this;
  }

  /** A query string parameter added to every request. */
  public HttpConnection queryParameter(String key, TemplateValue value) {
    invocationParameters.add(new HttpParameter(Location.QUERY_STRING, key, value, false));
    return this;
  }

  /**
   * A secret query string parameter (such as a webhook's signature), from a NoEcho parameter; only
   * when a condition holds with {@code TemplateValue.when(condition, noEchoParameter)}.
   */
  public HttpConnection secretQueryParameter(String key, TemplateValue value) {
    invocationParameters.add(new HttpParameter(Location.QUERY_STRING, key, value, true));
    return this;
  }

  /** A body field added to every request. */
  public HttpConnection bodyParameter(String key, TemplateValue value, boolean secret) {
    invocationParameters.add(new HttpParameter(Location.BODY, key, value, secret));
    return this;
  }

  @Override
  public String logicalId() {
    return logicalId;
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.connection(this);
  }

  /**
   * What the execution role needs for an HTTP task calling {@code endpoint} with {@code methods}
   * through this connection, as AWS documents it: {@code states:InvokeHTTPEndpoint} on this state
   * machine limited by {@code states:HTTPEndpoint} and {@code states:HTTPMethod};
   * {@code events:RetrieveConnectionCredentials} on the connection;
   * {@code secretsmanager:GetSecretValue} and {@code secretsmanager:DescribeSecret} on the
   * connection's secret.
   *
   * @param endpoint the task's {@code ApiEndpoint}: a literal URL (ending in {@code *} to allow
   *     every URL under it, compared with {@code StringLike}) or a {@link Placeholder}
   * @param methods the HTTP methods the task uses, such as {@code POST}
   */
  public List<IamStatement> iamStatementsForInvoke(Value endpoint, String... methods) {
    String url;
    if (endpoint instanceof Placeholder placeholder) {
      url = placeholder.token();
    } else if (endpoint instanceof StringValue text) {
      url = text.value();
    } else {
      throw new IllegalArgumentException(
          "the endpoint for an IAM condition must be a literal URL or a placeholder, not " + endpoint);
    }
    if (methods.length == 0) {
      throw new IllegalArgumentException("name the HTTP methods the task uses, such as POST");
    }
    Map<String, Map<String, List<String>>> conditions = new LinkedHashMap<>();
    String endpointOperator = url.contains("*") ? "StringLike" : "StringEquals";
    conditions.put(endpointOperator, new LinkedHashMap<>());
    conditions.get(endpointOperator).put("states:HTTPEndpoint", List.of(url));
    conditions.putIfAbsent("StringEquals", new LinkedHashMap<>());
    conditions.get("StringEquals").put("states:HTTPMethod", List.of(methods));
    List<IamStatement> statements = new ArrayList<>();
    statements.add(new IamStatement(
        List.of("states:InvokeHTTPEndpoint"), List.of(IamStatement.THIS_STATE_MACHINE), conditions, null));
    statements.addAll(credentialStatements());
    return List.copyOf(statements);
  }

  /**
   * What the execution role needs to authenticate with this connection, whatever the endpoint:
   * {@code events:RetrieveConnectionCredentials} on the connection, and
   * {@code secretsmanager:DescribeSecret}/{@code GetSecretValue} on the connection's own secret
   * (not on every connection's).
   */
  public List<IamStatement> credentialStatements() {
    String connection = policyArn();
    String secret = isExisting() ? "${" + existingSecretArn.name() + "}" : "${" + logicalId + ".SecretArn}";
    return List.of(
        IamStatement.allow("events:RetrieveConnectionCredentials", connection),
        IamStatement.allow(List.of("secretsmanager:DescribeSecret", "secretsmanager:GetSecretValue"), List.of(secret)));
  }

  /** {@link #iamStatementsForInvoke(Value, String...)} for a literal URL. */
  public List<IamStatement> iamStatementsForInvoke(String endpoint, String... methods) {
    return iamStatementsForInvoke(Value.of(endpoint), methods);
  }

  /** The connection's {@code Description}, or null. */
  public String description() {
    return description;
  }

  /** How the connection authorizes; null until one of the authorization methods is called. */
  public Authorization authorization() {
    return authorization;
  }

  /** The header name of an {@code API_KEY} connection, or null. */
  public String apiKeyName() {
    return apiKeyName;
  }

  /** The key of an {@code API_KEY} connection (a NoEcho parameter), or null. */
  public TemplateValue apiKeyValue() {
    return apiKeyValue;
  }

  /** The user name of a {@code BASIC} connection, or null. */
  public Parameter username() {
    return username;
  }

  /** The password of a {@code BASIC} connection (a NoEcho parameter), or null. */
  public Parameter password() {
    return password;
  }

  /** The token endpoint of an {@code OAUTH_CLIENT_CREDENTIALS} connection, or null. */
  public TemplateValue authorizationEndpoint() {
    return authorizationEndpoint;
  }

  /**
   * The HTTP method of the token request of an {@code OAUTH_CLIENT_CREDENTIALS} connection, or
   * null.
   */
  public OAuthMethod oauthMethod() {
    return oauthMethod;
  }

  /** The client id of an {@code OAUTH_CLIENT_CREDENTIALS} connection, or null. */
  public Parameter clientId() {
    return clientId;
  }

  /**
   * The client secret of an {@code OAUTH_CLIENT_CREDENTIALS} connection (a NoEcho parameter), or
   * null.
   */
  public Parameter clientSecret() {
    return clientSecret;
  }

  /** The extra parameters of the token request, in the order added. */
  public List<HttpParameter> oauthParameters() {
    return List.copyOf(oauthParameters);
  }

  /** The extra parameters of every request to the endpoint, in the order added. */
  public List<HttpParameter> invocationParameters() {
    return List.copyOf(invocationParameters);
  }

  @Override
  public Parameter existingArn() {
    return existingArn;
  }

  /**
   * For an existing connection, the stack parameter with the ARN of the secret EventBridge keeps
   * its credentials in (the IAM statements of {@link #credentialStatements()} are scoped to it);
   * null for a connection the stack creates.
   */
  public Parameter existingSecretArn() {
    return existingSecretArn;
  }
}
