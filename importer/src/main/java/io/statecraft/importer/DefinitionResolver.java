package io.statecraft.importer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The definition of one state machine resource of a template, as a JSON object whose
 * {@code ${Name}} placeholders are each fed by a template value ({@code Ref}, {@code Fn::GetAtt},
 * a literal): the {@code DefinitionSubstitutions} it had, and one for each variable of an
 * {@code Fn::Sub} or reference of an {@code Fn::Join} the definition was built with.
 *
 * <p>The properties read are those of
 * <a href="https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-stepfunctions-statemachine.html">AWS::StepFunctions::StateMachine</a>
 * ({@code Definition}, {@code DefinitionString}, {@code DefinitionS3Location},
 * {@code DefinitionSubstitutions}) and
 * <a href="https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-resource-statemachine.html">AWS::Serverless::StateMachine</a>
 * ({@code Definition}, {@code DefinitionUri}, {@code DefinitionSubstitutions}).
 */
final class DefinitionResolver {

  /** Pseudo parameters, by the placeholder that stands for them. */
  private static final Set<String> PSEUDO = Set.of("AccountId", "Region", "Partition", "URLSuffix", "StackName",
      "StackId", "NotificationARNs");

  /**
   * @param definition the definition, placeholders included
   * @param substitutions each placeholder's template value, in order
   */
  record Resolved(ObjectNode definition, Map<String, JsonNode> substitutions) {}

  private final Path directory;
  private final ObjectNode template;
  private final String where;
  private final Map<String, JsonNode> substitutions = new LinkedHashMap<>();

  private DefinitionResolver(String source, Path directory, ObjectNode template, String logicalId) {
    this.directory = directory;
    this.template = template;
    this.where = source + ": Resources/" + logicalId;
  }

  /**
   * @param source the template's name in messages
   * @param directory where files the template names (DefinitionUri, DefinitionS3Location) are looked for
   */
  static Resolved resolve(String source, Path directory, ObjectNode template, String logicalId) {
    return new DefinitionResolver(source, directory, template, logicalId).resolve(template.path("Resources").path(logicalId));
  }

  private Resolved resolve(JsonNode resource) {
    JsonNode properties = resource.path("Properties");
    JsonNode given = properties.path("DefinitionSubstitutions");
    if (given.isObject()) {
      given.fields().forEachRemaining(field -> substitutions.put(field.getKey(), field.getValue()));
    }
    JsonNode definition;
    if (properties.has("Definition")) {
      definition = properties.get("Definition");
    } else if (properties.has("DefinitionString")) {
      definition = parse(text(properties.get("DefinitionString"), "DefinitionString"), "DefinitionString");
    } else if (properties.has("DefinitionS3Location")) {
      definition = localFile(properties.get("DefinitionS3Location"), "DefinitionS3Location");
    } else if (properties.has("DefinitionUri")) {
      definition = localFile(properties.get("DefinitionUri"), "DefinitionUri");
    } else {
      throw new AdoptionException(where + " has no Definition, DefinitionString, DefinitionS3Location or DefinitionUri; "
          + "nothing to adopt");
    }
    if (!(definition instanceof ObjectNode object)) {
      throw new AdoptionException(where + ": the definition is not a JSON object");
    }
    return new Resolved(object.deepCopy(), substitutions);
  }

  // The text of a DefinitionString: a string, an Fn::Sub or an Fn::Join.
  private String text(JsonNode value, String property) {
    if (value.isTextual()) {
      return value.textValue();
    }
    if (value.isObject() && value.has("Fn::Sub")) {
      return sub(value.get("Fn::Sub"), property);
    }
    if (value.isObject() && value.has("Fn::Join")) {
      return join(value.get("Fn::Join"), property);
    }
    throw new AdoptionException(where + "/Properties/" + property + " is neither text, Fn::Sub nor Fn::Join; "
        + "write the definition as one of them or as a Definition object");
  }

  // Fn::Sub: https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference-sub.html
  private String sub(JsonNode sub, String property) {
    String text;
    Map<String, JsonNode> variables = new LinkedHashMap<>();
    if (sub.isTextual()) {
      text = sub.textValue();
    } else if (sub.isArray() && sub.size() == 2 && sub.get(0).isTextual() && sub.get(1).isObject()) {
      text = sub.get(0).textValue();
      sub.get(1).fields().forEachRemaining(field -> variables.put(field.getKey(), field.getValue()));
    } else {
      throw new AdoptionException(where + "/Properties/" + property + ": Fn::Sub takes a text or [text, {variables}]");
    }
    StringBuilder out = new StringBuilder();
    int at = 0;
    while (true) {
      int start = text.indexOf("${", at);
      if (start < 0) {
        break;
      }
      int end = text.indexOf('}', start);
      if (end < 0) {
        break;
      }
      out.append(text, at, start);
      String name = text.substring(start + 2, end);
      if (name.startsWith("!")) {
        out.append("${").append(name.substring(1)).append('}');
      } else {
        out.append(placeholder(name, variables, property));
      }
      at = end + 1;
    }
    return out.append(text.substring(at)).toString();
  }

  // What ${name} becomes: a literal variable's text, or a placeholder recorded with its template value.
  private String placeholder(String name, Map<String, JsonNode> variables, String property) {
    JsonNode value;
    String key;
    if (variables.containsKey(name)) {
      value = variables.get(name);
      key = LiteralLifter.identifier(name);
    } else if (name.startsWith("AWS::") && PSEUDO.contains(name.substring(5))) {
      value = JsonNodeFactory.instance.objectNode().put("Ref", name);
      key = name.substring(5);
    } else if (template.path("Parameters").has(name) || template.path("Resources").has(name)) {
      value = JsonNodeFactory.instance.objectNode().put("Ref", name);
      key = LiteralLifter.identifier(name);
    } else if (name.contains(".") && template.path("Resources").has(name.substring(0, name.indexOf('.')))) {
      int dot = name.indexOf('.');
      value = JsonNodeFactory.instance.objectNode().set("Fn::GetAtt", JsonNodeFactory.instance.arrayNode()
          .add(name.substring(0, dot)).add(name.substring(dot + 1)));
      key = LiteralLifter.identifier(name);
    } else {
      throw new AdoptionException(where + "/Properties/" + property + ": Fn::Sub uses ${" + name + "}, which is no "
          + "parameter, resource, pseudo parameter or variable of the template; declare it, or write ${!" + name
          + "} for the text itself");
    }
    if (value.isTextual()) {
      return value.textValue(); // text, lifted later like any other literal
    }
    JsonNode earlier = substitutions.putIfAbsent(key, value);
    if (earlier != null && !earlier.equals(value)) {
      throw new AdoptionException(where + "/Properties/" + property + ": ${" + key + "} would stand for two values; "
          + "rename the Fn::Sub variable " + name);
    }
    return "${" + key + "}";
  }

  // Fn::Join: https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference-join.html
  private String join(JsonNode join, String property) {
    if (!join.isArray() || join.size() != 2 || !join.get(0).isTextual() || !join.get(1).isArray()) {
      throw new AdoptionException(where + "/Properties/" + property + ": Fn::Join takes [separator, [values]]");
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < join.get(1).size(); i++) {
      if (i > 0) {
        out.append(join.get(0).textValue());
      }
      JsonNode part = join.get(1).get(i);
      if (part.isTextual()) {
        out.append(part.textValue());
      } else if (part.isObject() && part.has("Ref") && part.get("Ref").isTextual()) {
        out.append(placeholder(part.get("Ref").textValue(), Map.of(), property));
      } else if (part.isObject() && part.has("Fn::GetAtt") && part.get("Fn::GetAtt").isArray()) {
        JsonNode getAtt = part.get("Fn::GetAtt");
        out.append(placeholder(getAtt.path(0).asText() + "." + getAtt.path(1).asText(), Map.of(), property));
      } else if (part.isObject() && part.has("Fn::Sub")) {
        out.append(sub(part.get("Fn::Sub"), property));
      } else {
        throw new AdoptionException(where + "/Properties/" + property + ": Fn::Join part " + i
            + " is not text, Ref, Fn::GetAtt or Fn::Sub");
      }
    }
    return out.toString();
  }

  private JsonNode parse(String text, String property) {
    try {
      return TemplateReader.parse(text);
    } catch (IOException e) {
      throw new AdoptionException(where + "/Properties/" + property + " is not JSON: "
          + e.getMessage().lines().findFirst().orElse(""));
    }
  }

  // DefinitionS3Location {Bucket, Key} or DefinitionUri (a path, or {Bucket, Key}): a file next to the template.
  private JsonNode localFile(JsonNode location, String property) {
    String path = location.isTextual() ? location.textValue() : location.path("Key").asText("");
    Path base = directory;
    Path file = location.isTextual() ? base.resolve(path).normalize() : base.resolve(Path.of(path).getFileName().toString());
    if (path.isEmpty() || location.isTextual() && path.startsWith("s3://") || !Files.isRegularFile(file)) {
      throw new AdoptionException(where + "/Properties/" + property + " points to " + (path.isEmpty() ? "nothing" : path)
          + ", which is not a file next to the template; put the definition file there"
          + (location.isTextual() ? "" : " as " + file.getFileName()));
    }
    try {
      return parse(Files.readString(file), property);
    } catch (IOException e) {
      throw new AdoptionException(where + "/Properties/" + property + ": " + file + " cannot be read (" + e.getMessage() + ")");
    }
  }
}
