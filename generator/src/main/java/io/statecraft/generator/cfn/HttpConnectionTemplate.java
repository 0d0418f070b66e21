package io.statecraft.generator.cfn;

import io.statecraft.asl.ProblemCode;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.statecraft.asl.json.JsonPointers;
import io.statecraft.dsl.workflow.HttpConnection;
import io.statecraft.dsl.workflow.Parameter;
import io.statecraft.dsl.workflow.TemplateValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * An {@link HttpConnection}: {@code AWS::Events::Connection} whose secrets come only from NoEcho
 * parameters, or nothing for an existing connection.
 */
record HttpConnectionTemplate(HttpConnection connection) implements ResourceTemplate {

  // Plain loops, no lambdas or streams: this runs once per cold JVM on every generate, where each
  // lambda is a class spun at run time (issue 19, bench/RESULTS.md).

  @Override
  public List<TemplateValue> propertyValues() {
    List<TemplateValue> values = new ArrayList<>();
    values.add(connection.existingArn());
    values.add(connection.existingSecretArn());
    values.add(connection.apiKeyValue());
    values.add(connection.username());
    values.add(connection.password());
    values.add(connection.authorizationEndpoint());
    values.add(connection.clientId());
    values.add(connection.clientSecret());
    for (HttpConnection.HttpParameter parameter : connection.oauthParameters()) {
      values.add(parameter.value());
    }
    for (HttpConnection.HttpParameter parameter : connection.invocationParameters()) {
      values.add(parameter.value());
    }
    return values;
  }

  @Override
  public Optional<ArnPlaceholder> arnPlaceholder() {
    return ArnPlaceholder.of(connection);
  }

  @Override
  public void write(TemplateContext context) {
    String id = connection.logicalId();
    if (connection.isExisting()) {
      return;
    }
    ObjectNode properties = context.resource(id, "AWS::Events::Connection");
    if (connection.description() != null) {
      properties.put("Description", connection.description());
    }
    if (connection.authorization() == null) {
      context.error(ProblemCode.INVALID_RESOURCE_PROPERTY, TemplateContext.pointer(id, "Properties", "AuthorizationType"),
          "connection " + id + " has no authorization; choose apiKey(...), basic(...) or oauthClientCredentials(...) "
              + "(an endpoint without authentication still needs one: an API key header it ignores)");
      return;
    }
    properties.put("AuthorizationType", connection.authorization().name());
    ObjectNode auth = properties.putObject("AuthParameters");
    String authPointer = TemplateContext.pointer(id, "Properties", "AuthParameters");
    switch (connection.authorization()) {
      case API_KEY -> {
        ObjectNode apiKey = auth.putObject("ApiKeyAuthParameters");
        apiKey.put("ApiKeyName", connection.apiKeyName());
        apiKey.set("ApiKeyValue", secret(context, connection.apiKeyValue(), "API key",
            authPointer + "/ApiKeyAuthParameters/ApiKeyValue"));
      }
      case BASIC -> {
        ObjectNode basic = auth.putObject("BasicAuthParameters");
        basic.set("Username", TemplateJson.value(connection.username()));
        basic.set("Password", secret(context, connection.password(), "password",
            authPointer + "/BasicAuthParameters/Password"));
      }
      case OAUTH_CLIENT_CREDENTIALS -> {
        ObjectNode oauth = auth.putObject("OAuthParameters");
        oauth.set("AuthorizationEndpoint", TemplateJson.value(connection.authorizationEndpoint()));
        oauth.put("HttpMethod", connection.oauthMethod().name());
        ObjectNode client = oauth.putObject("ClientParameters");
        client.set("ClientID", TemplateJson.value(connection.clientId()));
        client.set("ClientSecret", secret(context, connection.clientSecret(), "client secret",
            authPointer + "/OAuthParameters/ClientParameters/ClientSecret"));
        if (!connection.oauthParameters().isEmpty()) {
          oauth.set("OAuthHttpParameters", httpParameters(context, connection.oauthParameters(),
              authPointer + "/OAuthParameters/OAuthHttpParameters"));
        }
      }
      default -> throw new IllegalStateException(connection.authorization().name());
    }
    if (!connection.invocationParameters().isEmpty()) {
      auth.set("InvocationHttpParameters", httpParameters(context, connection.invocationParameters(),
          authPointer + "/InvocationHttpParameters"));
    }
  }

  private ObjectNode httpParameters(TemplateContext context, List<HttpConnection.HttpParameter> parameters, String pointer) {
    ObjectNode node = TemplateJson.NODES.objectNode();
    for (HttpConnection.HttpParameter parameter : parameters) {
      String field = switch (parameter.location()) {
        case HEADER -> "HeaderParameters";
        case QUERY_STRING -> "QueryStringParameters";
        case BODY -> "BodyParameters";
      };
      ArrayNode array = node.has(field) ? (ArrayNode) node.get(field) : node.putArray(field);
      String itemPointer = JsonPointers.child(JsonPointers.child(pointer, field), array.size());
      // A value given as TemplateValue.when(condition, value) sends the parameter only when the
      // condition holds: the whole item is chosen with Fn::If, else AWS::NoValue.
      TemplateValue value = parameter.value();
      String onlyIf = null;
      if (value instanceof TemplateValue.Conditional conditional && conditional.ifFalse() instanceof TemplateValue.NoValue) {
        onlyIf = conditional.condition().name();
        value = conditional.ifTrue();
        itemPointer = JsonPointers.child(JsonPointers.child(itemPointer, "Fn::If"), 1);
      }
      ObjectNode item = TemplateJson.NODES.objectNode();
      item.put("Key", parameter.key());
      String what = field.replace("Parameters", "").toLowerCase(Locale.ROOT) + " parameter " + parameter.key();
      item.set("Value", parameter.secret()
          ? secret(context, value, "secret " + what, JsonPointers.child(itemPointer, "Value"))
          : notSecret(context, value, what, JsonPointers.child(itemPointer, "Value")));
      item.put("IsValueSecret", parameter.secret());
      array.add(onlyIf == null ? item : TemplateJson.ifThen(onlyIf, item, TemplateJson.noValue()));
    }
    return node;
  }

  // With IsValueSecret false EventBridge shows the value to anyone who can describe the connection
  // (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-events-connection-parameter.html),
  // so a NoEcho parameter there would undo its NoEcho; the author must mark the parameter secret.
  private JsonNode notSecret(TemplateContext context, TemplateValue value, String what, String pointer) {
    if (value instanceof Parameter parameter && parameter.isNoEcho()) {
      context.error(ProblemCode.NOECHO_EXPOSED, pointer, "the " + what + " of connection " + connection.logicalId()
          + " is not secret (IsValueSecret: false), but parameter " + parameter.name() + " is NoEcho; add it with "
          + "the secret form (secretHeader, secretQueryParameter, or secret = true)");
    }
    return TemplateJson.value(value);
  }

  // A secret only ever comes from a NoEcho parameter: a literal would sit in the template in clear.
  // Chosen by a condition, it is a NoEcho parameter in one case and, in the other, nothing or a
  // literal sent where the receiver checks no secret (EventBridge requires an API key value).
  private JsonNode secret(TemplateContext context, TemplateValue value, String what, String pointer) {
    if (value instanceof TemplateValue.Conditional conditional) {
      boolean trueIsSecret = isNoEcho(conditional.ifTrue());
      boolean falseIsSecret = isNoEcho(conditional.ifFalse());
      TemplateValue other = trueIsSecret ? conditional.ifFalse() : conditional.ifTrue();
      boolean otherIsNoSecret = other instanceof TemplateValue.NoValue || other instanceof TemplateValue.Text;
      if ((trueIsSecret || falseIsSecret) && (trueIsSecret && falseIsSecret || otherIsNoSecret)) {
        return TemplateJson.value(value);
      }
      context.error(ProblemCode.SECRET_NOT_NOECHO, pointer, "the " + what + " of connection " + connection.logicalId()
          + " is a secret chosen by condition " + conditional.condition().name() + ": one case must be a NoEcho "
          + "parameter, and the other a NoEcho parameter, TemplateValue.noValue() or a literal that is no secret");
      return TemplateJson.value(value);
    }
    if (!isNoEcho(value)) {
      context.error(ProblemCode.SECRET_NOT_NOECHO, pointer, "the " + what + " of connection " + connection.logicalId()
          + " is a secret, but " + (value instanceof Parameter p ? "parameter " + p.name() + " is not NoEcho; add "
              + ".noEcho() to it" : "it is not a parameter; give it as a Parameter with .noEcho(), never as a literal"));
    }
    return TemplateJson.value(value);
  }

  private static boolean isNoEcho(TemplateValue value) {
    return value instanceof Parameter parameter && parameter.isNoEcho();
  }
}
