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
    connection.oauthParameters().forEach(parameter -> values.add(parameter.value()));
    connection.invocationParameters().forEach(parameter -> values.add(parameter.value()));
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
      ObjectNode item = array.addObject();
      item.put("Key", parameter.key());
      String itemPointer = JsonPointers.child(JsonPointers.child(pointer, field), array.size() - 1);
      String what = field.replace("Parameters", "").toLowerCase(Locale.ROOT) + " parameter " + parameter.key();
      item.set("Value", parameter.secret()
          ? secret(context, parameter.value(), "secret " + what, JsonPointers.child(itemPointer, "Value"))
          : notSecret(context, parameter.value(), what, JsonPointers.child(itemPointer, "Value")));
      item.put("IsValueSecret", parameter.secret());
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
  private JsonNode secret(TemplateContext context, TemplateValue value, String what, String pointer) {
    if (!(value instanceof Parameter parameter) || !parameter.isNoEcho()) {
      context.error(ProblemCode.SECRET_NOT_NOECHO, pointer, "the " + what + " of connection " + connection.logicalId()
          + " is a secret, but " + (value instanceof Parameter p ? "parameter " + p.name() + " is not NoEcho; add "
              + ".noEcho() to it" : "it is not a parameter; give it as a Parameter with .noEcho(), never as a literal"));
    }
    return TemplateJson.value(value);
  }
}
