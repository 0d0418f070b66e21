package io.statecraft.connect;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Fills a generated definition's {@code ${Name}} placeholders the way CloudFormation's {@code
 * DefinitionSubstitutions} would at deploy time, with values of the right shape, so that Step
 * Functions can validate the definition before any stack exists: a value the user gave, else the
 * parameter's default, else a well-formed dummy (an ARN of the resource's service and type, a
 * value that matches the parameter's pattern or allowed values).
 *
 * <p>The dummy ARNs use AWS's documentation account {@code 123456789012}; they are sent only to
 * {@code ValidateStateMachineDefinition}, never written into a template.
 */
final class PlaceholderValues {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9]+)}");
  private static final String EXAMPLE_ACCOUNT = "123456789012";
  // Candidates tried, in order, against a parameter's AllowedPattern when it has no default.
  private static final List<String> PATTERN_CANDIDATES =
      List.of("https://example.com/statecraft", "example", "Example-1", "a", "1");

  private PlaceholderValues() {}

  /**
   * The definition with every placeholder that the template substitutes replaced.
   *
   * @param given values by parameter name (from the command line or a parameters file)
   * @param region the region the dummy ARNs name
   */
  static String fill(GeneratedWorkflow workflow, Map<String, String> given, String region) {
    JsonNode substitutions = workflow.template().path("Resources").path(GeneratedWorkflow.STATE_MACHINE)
        .path("Properties").path("DefinitionSubstitutions");
    Map<String, String> values = new LinkedHashMap<>();
    substitutions.fields().forEachRemaining(field ->
        values.put(field.getKey(), valueOf(field.getKey(), field.getValue(), workflow, given, region)));
    Matcher matcher = PLACEHOLDER.matcher(workflow.definition());
    StringBuilder filled = new StringBuilder();
    while (matcher.find()) {
      String value = values.get(matcher.group(1));
      // Placeholders sit inside JSON strings, so the value is escaped as string content.
      String replacement = value == null ? matcher.group() : new String(JsonStringEncoder.getInstance().quoteAsString(value));
      matcher.appendReplacement(filled, Matcher.quoteReplacement(replacement));
    }
    matcher.appendTail(filled);
    return filled.toString();
  }

  private static String valueOf(String placeholder, JsonNode expression, GeneratedWorkflow workflow,
      Map<String, String> given, String region) {
    if (expression.isValueNode()) {
      return expression.asText();
    }
    JsonNode ref = expression.get("Ref");
    if (ref != null && ref.isTextual()) {
      String name = ref.asText();
      JsonNode parameter = workflow.template().path("Parameters").get(name);
      if (parameter != null) {
        return given.containsKey(name) ? given.get(name) : parameterValue(name, parameter, region);
      }
      return resourceValue(name, workflow, false, region);
    }
    JsonNode getAtt = expression.get("Fn::GetAtt");
    if (getAtt != null && getAtt.isArray() && getAtt.size() == 2) {
      return resourceValue(getAtt.get(0).asText(), workflow, true, region);
    }
    return placeholder.endsWith("Arn") ? arn("states", region, "stateMachine:" + placeholder) : placeholder;
  }

  private static String parameterValue(String name, JsonNode parameter, String region) {
    JsonNode defaultValue = parameter.get("Default");
    if (defaultValue != null) {
      return defaultValue.asText();
    }
    JsonNode allowed = parameter.path("AllowedValues");
    if (allowed.isArray() && !allowed.isEmpty()) {
      return allowed.get(0).asText();
    }
    String type = parameter.path("Type").asText("String");
    if (type.equals("Number")) {
      return "1";
    }
    if (name.endsWith("Arn")) {
      return arn("states", region, "stateMachine:" + name);
    }
    String pattern = parameter.path("AllowedPattern").asText(null);
    if (pattern != null) {
      try {
        Pattern compiled = Pattern.compile(pattern);
        for (String candidate : PATTERN_CANDIDATES) {
          if (compiled.matcher(candidate).matches()) {
            return candidate;
          }
        }
      } catch (PatternSyntaxException e) {
        // CloudFormation's pattern dialect is Java's for all the patterns we generate; if not, fall through.
      }
    }
    return "example";
  }

  /** A well-formed value for {@code Ref} or {@code Fn::GetAtt [id, Arn]} of a template resource. */
  private static String resourceValue(String logicalId, GeneratedWorkflow workflow, boolean arn, String region) {
    String type = workflow.template().path("Resources").path(logicalId).path("Type").asText("");
    String[] parts = type.split("::");
    if (parts.length != 3) {
      return arn ? arn("states", region, "stateMachine:" + logicalId) : logicalId;
    }
    String service = parts[1].toLowerCase(Locale.ROOT);
    String kind = parts[2];
    if (type.equals("AWS::SQS::Queue") && !arn) {
      return "https://sqs." + region + ".amazonaws.com/" + EXAMPLE_ACCOUNT + "/" + logicalId;
    }
    if (!arn && !type.equals("AWS::SNS::Topic") && !type.equals("AWS::StepFunctions::StateMachine")
        && !type.equals("AWS::StepFunctions::Activity")) {
      return logicalId;
    }
    return switch (type) {
      case "AWS::Lambda::Function" -> arn("lambda", region, "function:" + logicalId);
      case "AWS::SNS::Topic" -> arn("sns", region, logicalId);
      case "AWS::SQS::Queue" -> arn("sqs", region, logicalId);
      case "AWS::StepFunctions::StateMachine" -> arn("states", region, "stateMachine:" + logicalId);
      case "AWS::StepFunctions::Activity" -> arn("states", region, "activity:" + logicalId);
      case "AWS::Events::Connection" -> arn("events", region, "connection/" + logicalId + "/00000000-0000-0000-0000-000000000000");
      case "AWS::DynamoDB::Table" -> arn("dynamodb", region, "table/" + logicalId);
      case "AWS::IAM::Role" -> "arn:aws:iam::" + EXAMPLE_ACCOUNT + ":role/" + logicalId;
      default -> arn(service, region, kind.toLowerCase(Locale.ROOT) + "/" + logicalId);
    };
  }

  private static String arn(String service, String region, String resource) {
    return "arn:aws:" + service + ":" + region + ":" + EXAMPLE_ACCOUNT + ":" + resource;
  }
}
