package io.statecraft.importer;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.statecraft.asl.json.CanonicalJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * Reads a CloudFormation or SAM template, JSON or YAML, into a tree in which every intrinsic
 * function has its long form: YAML's short-form tags ({@code !Sub x}, {@code !GetAtt A.Arn},
 * {@code !Ref R}) become {@code {"Fn::Sub": "x"}}, {@code {"Fn::GetAtt": ["A", "Arn"]}} and
 * {@code {"Ref": "R"}}, as
 * <a href="https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference.html">the
 * intrinsic function reference</a> defines them. Jackson's YAML parser reports a tag through
 * {@code getTypeId()}, which the tree reader ignores, so the tree is built here from the tokens.
 */
final class TemplateReader {

  /**
   * Templates larger than this are refused before they are parsed. CloudFormation itself takes at
   * most 1 MB from S3 (<a href="https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/cloudformation-limits.html">quotas</a>);
   * the margin is for SAM templates before their transform.
   */
  static final long MAX_BYTES = 5L * 1024 * 1024;

  /** The functions whose short form is {@code !Name}, written {@code Fn::Name} in long form. */
  private static final Set<String> FUNCTIONS = Set.of("Base64", "Cidr", "FindInMap", "GetAZs", "ImportValue", "Join",
      "Select", "Split", "Sub", "Transform", "And", "Equals", "If", "Not", "Or", "ToJsonString", "Length");

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private TemplateReader() {}

  /** The template in {@code file}; an {@link AdoptionException} saying why it cannot be read. */
  static ObjectNode read(Path file) {
    try {
      if (!Files.isRegularFile(file)) {
        throw new AdoptionException(file + ": no such file");
      }
      if (Files.size(file) > MAX_BYTES) {
        throw new AdoptionException(file + ": the template is larger than " + MAX_BYTES + " bytes; this is not a template");
      }
      String text = Files.readString(file, StandardCharsets.UTF_8);
      if (text.startsWith("\uFEFF")) {
        text = text.substring(1);
      }
      JsonNode root = parse(text);
      if (!(root instanceof ObjectNode object)) {
        throw new AdoptionException(file + ": not a CloudFormation template (the file does not hold an object)");
      }
      return object;
    } catch (JsonProcessingException e) {
      throw new AdoptionException(file + ": not valid JSON or YAML at line " + e.getLocation().getLineNr() + ": "
          + e.getOriginalMessage().lines().findFirst().orElse(""));
    } catch (IOException e) {
      throw new AdoptionException(file + ": cannot be read (" + e.getMessage() + ")");
    }
  }

  static JsonNode parse(String text) throws IOException {
    String trimmed = text.stripLeading();
    if (trimmed.startsWith("{")) {
      return CanonicalJson.mapper().readTree(text);
    }
    try (JsonParser parser = new YAMLFactory().createParser(text)) {
      JsonToken token = parser.nextToken();
      return token == null ? NODES.nullNode() : node(parser, token);
    }
  }

  private static JsonNode node(JsonParser parser, JsonToken token) throws IOException {
    Object typeId = parser.getTypeId();
    String tag = typeId == null ? null : typeId.toString();
    JsonNode value = switch (token) {
      case START_OBJECT -> object(parser);
      case START_ARRAY -> array(parser);
      case VALUE_STRING -> NODES.textNode(parser.getText());
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> NODES.numberNode(parser.getDecimalValue());
      case VALUE_TRUE -> NODES.booleanNode(true);
      case VALUE_FALSE -> NODES.booleanNode(false);
      case VALUE_NULL -> NODES.nullNode();
      case VALUE_EMBEDDED_OBJECT -> NODES.textNode(parser.getText());
      default -> throw new AdoptionException("unexpected " + token + " at line " + parser.currentLocation().getLineNr());
    };
    return tag == null ? value : longForm(tag, value);
  }

  private static ObjectNode object(JsonParser parser) throws IOException {
    ObjectNode object = NODES.objectNode();
    JsonToken token;
    while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
      String key = parser.currentName();
      object.set(key, node(parser, parser.nextToken()));
    }
    if (token != JsonToken.END_OBJECT) {
      throw new AdoptionException("unexpected " + token + " at line " + parser.currentLocation().getLineNr());
    }
    return object;
  }

  private static ArrayNode array(JsonParser parser) throws IOException {
    ArrayNode array = NODES.arrayNode();
    JsonToken token;
    while ((token = parser.nextToken()) != JsonToken.END_ARRAY && token != null) {
      array.add(node(parser, token));
    }
    return array;
  }

  private static JsonNode longForm(String tag, JsonNode value) {
    if (tag.equals("Ref")) {
      return NODES.objectNode().set("Ref", value);
    }
    if (tag.equals("Condition")) {
      return NODES.objectNode().set("Condition", value);
    }
    if (tag.equals("GetAtt")) {
      // !GetAtt Resource.Attribute: the attribute may itself hold dots (Outputs.Name).
      if (value.isTextual() && value.textValue().contains(".")) {
        String text = value.textValue();
        int dot = text.indexOf('.');
        return NODES.objectNode().set("Fn::GetAtt",
            NODES.arrayNode().add(text.substring(0, dot)).add(text.substring(dot + 1)));
      }
      return NODES.objectNode().set("Fn::GetAtt", value);
    }
    if (FUNCTIONS.contains(tag)) {
      return NODES.objectNode().set("Fn::" + tag, value);
    }
    // YAML's own tags (!!str, !!binary) and unknown ones leave the value as it is.
    return value;
  }
}
