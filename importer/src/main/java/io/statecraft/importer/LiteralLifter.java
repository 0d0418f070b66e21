package io.statecraft.importer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.statecraft.asl.json.JsonPointers;
import io.statecraft.importer.AdoptedWorkflow.ParameterSpec;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lifts what ties a definition to one account out of it: each value becomes a {@code ${Name}}
 * placeholder fed by a template parameter whose default is the old value, so that the workflow
 * builds the same definition where it came from and another one anywhere else.
 *
 * <ul>
 *   <li>An ARN that names an account or a Region (an SNS topic, a Lambda function, a role) is
 *       lifted whole. Integration ARNs ({@code arn:aws:states:::lambda:invoke}) name neither and stay.
 *   <li>A URL is lifted whole.
 *   <li>A bucket, table, queue or function name given as a literal is lifted whole.
 *   <li>An account id or a Region inside any other text is lifted on its own.
 * </ul>
 *
 * Expressions are not touched: JSONPath ({@code "Key.$"}) and JSONata ({@code {% ... %}}) values are
 * evaluated at run time, and a placeholder inside them would change what they mean. Names come from
 * where a value is first used (state {@code Notify}, field {@code TopicArn}: {@code NotifyTopicArn});
 * the same value used twice shares one parameter.
 */
final class LiteralLifter {

  // ARN format: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html
  private static final Pattern ARN = Pattern.compile("arn:(aws|aws-cn|aws-us-gov|aws-iso[a-z-]*):([a-z0-9-]+):([a-z0-9-]*):(\\d{12}|aws)?:(.+)");
  private static final Pattern URL = Pattern.compile("https?://\\S+");
  private static final Pattern ACCOUNT_ID = Pattern.compile("(?<![0-9])\\d{12}(?![0-9])");
  // Region codes: https://docs.aws.amazon.com/global-infrastructure/latest/regions/aws-regions.html
  private static final Pattern REGION = Pattern.compile("(?<![a-z0-9])(us|eu|ap|sa|ca|me|af|il|mx|cn)(-gov|-iso[a-z]*)?-"
      + "(north|south|east|west|central|northeast|southeast|northwest|southwest)-\\d(?![0-9a-z])");
  /** Fields that hold a resource's name, and the suffix of the parameter that replaces it. */
  private static final Map<String, String> NAME_FIELDS = Map.of(
      "Bucket", "BucketName", "BucketName", "BucketName", "TableName", "TableName", "QueueName", "QueueName",
      "FunctionName", "FunctionName", "QueueUrl", "QueueUrl", "StateMachineName", "StateMachineName");

  private final Pattern keepLiteral;
  private final Set<String> taken;
  private final Map<String, String> nameByValue = new LinkedHashMap<>();
  private final List<ParameterSpec> parameters = new ArrayList<>();
  private final List<String> report = new ArrayList<>();

  private LiteralLifter(Pattern keepLiteral, Set<String> taken) {
    this.keepLiteral = keepLiteral;
    this.taken = new java.util.HashSet<>(taken);
  }

  /** What was lifted: the parameters to declare and one report line per value. */
  record Lifted(List<ParameterSpec> parameters, List<String> report) {}

  /**
   * Lifts the values of {@code definition} in place.
   *
   * @param keepLiteral values that match it whole stay as they are; null to lift all
   * @param taken placeholder names already in use
   */
  static Lifted lift(ObjectNode definition, Pattern keepLiteral, Set<String> taken) {
    LiteralLifter lifter = new LiteralLifter(keepLiteral, taken);
    lifter.walk(definition, "", "");
    return new Lifted(lifter.parameters, lifter.report);
  }

  private void walk(JsonNode node, String pointer, String state) {
    if (node instanceof ObjectNode object) {
      boolean states = pointer.endsWith("/States") || pointer.equals("/States");
      Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
      List<String> keys = new ArrayList<>();
      fields.forEachRemaining(field -> keys.add(field.getKey()));
      for (String key : keys) {
        JsonNode value = object.get(key);
        String child = JsonPointers.child(pointer, key);
        String inState = states ? key : state;
        if (value.isTextual() && !key.endsWith(".$")) {
          String lifted = liftText(value.textValue(), child, inState, key);
          if (lifted != null) {
            object.set(key, TextNode.valueOf(lifted));
          }
        } else if (!value.isTextual()) {
          walk(value, child, inState);
        }
      }
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        JsonNode item = array.get(i);
        String child = JsonPointers.child(pointer, i);
        if (item.isTextual()) {
          String lifted = liftText(item.textValue(), child, state, "");
          if (lifted != null) {
            array.set(i, TextNode.valueOf(lifted));
          }
        } else {
          walk(item, child, state);
        }
      }
    }
  }

  // The new text, or null to keep it.
  private String liftText(String text, String pointer, String state, String key) {
    if (text.startsWith("{%") || (keepLiteral != null && keepLiteral.matcher(text).matches())) {
      return null;
    }
    if (nameByValue.containsKey(text)) {
      return whole(text, pointer, state, "", "the value");
    }
    // A text with a placeholder already takes part of its value at deploy time, and a parameter's
    // default cannot hold one: only the account ids and Regions around it are lifted.
    boolean placeholder = text.contains("${");
    Matcher arn = ARN.matcher(text);
    if (!placeholder && arn.matches() && (!arn.group(3).isEmpty() || arn.group(4) != null && !arn.group(4).equals("aws"))) {
      String name = key.endsWith("Arn") ? key : key.equals("Resource") ? arnKind(arn.group(2), arn.group(5))
          : key.endsWith("Name") ? key.substring(0, key.length() - 4) + "Arn" : key + "Arn";
      return whole(text, pointer, state, name, "the ARN");
    }
    if (!placeholder && URL.matcher(text).matches()) {
      String name = key.endsWith("Url") || key.endsWith("URL") || key.endsWith("Endpoint") ? key : key + "Url";
      return whole(text, pointer, state, name, "the URL");
    }
    String suffix = NAME_FIELDS.get(key);
    if (suffix != null && !placeholder) {
      return whole(text, pointer, state, suffix, "the name");
    }
    String result = replaceAll(ACCOUNT_ID, text, pointer, "AccountId", "the account id");
    result = replaceAll(REGION, result, pointer, "Region", "the Region");
    return result.equals(text) ? null : result;
  }

  private static String arnKind(String service, String resource) {
    String type = resource.split("[:/]", 2)[0];
    return capitalized(service.equals("lambda") ? "function" : type.isEmpty() ? service : type) + "Arn";
  }

  private String whole(String value, String pointer, String state, String suffix, String what) {
    String existing = nameByValue.get(value);
    if (existing != null) {
      report.add(pointer + ": " + what + " " + value + " -> ${" + existing + "} (shared)");
      return "${" + existing + "}";
    }
    String name = unique(identifier(state) + identifier(suffix));
    nameByValue.put(value, name);
    parameters.add(ParameterSpec.string(name, capitalized(what.substring(4)) + " that state " + state
        + " uses (adopted with " + value + ")", value));
    report.add(pointer + ": " + what + " " + value + " -> ${" + name + "}, parameter " + name + " (default: the old value)");
    return "${" + name + "}";
  }

  private String replaceAll(Pattern pattern, String text, String pointer, String base, String what) {
    Matcher matcher = pattern.matcher(text);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      String value = matcher.group();
      if (keepLiteral != null && keepLiteral.matcher(value).matches()) {
        continue;
      }
      String name = nameByValue.get(value);
      if (name == null) {
        name = unique(base);
        nameByValue.put(value, name);
        parameters.add(ParameterSpec.string(name, capitalized(what.substring(4)) + " the definition names (adopted with "
            + value + ")", value));
        report.add(pointer + ": " + what + " " + value + " -> ${" + name + "}, parameter " + name + " (default: the old value)");
      } else {
        report.add(pointer + ": " + what + " " + value + " -> ${" + name + "} (shared)");
      }
      matcher.appendReplacement(out, Matcher.quoteReplacement("${" + name + "}"));
    }
    matcher.appendTail(out);
    return out.toString();
  }

  private String unique(String base) {
    String name = base.isEmpty() ? "Value" : base;
    String candidate = name;
    for (int i = 2; taken.contains(candidate); i++) {
      candidate = name + i;
    }
    taken.add(candidate);
    return candidate;
  }

  /** Letters and digits of {@code text}, each word capitalized: {@code "Notify team"} gives {@code NotifyTeam}. */
  static String identifier(String text) {
    StringBuilder out = new StringBuilder();
    boolean upper = true;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x80 && Character.isLetterOrDigit(c)) {
        out.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      } else {
        upper = true;
      }
    }
    return out.toString();
  }

  private static String capitalized(String text) {
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}
