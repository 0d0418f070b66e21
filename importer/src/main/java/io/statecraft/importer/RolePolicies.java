package io.statecraft.importer;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the original execution role allowed: each {@code Allow} statement's actions and resources,
 * one pair at a time, with the template parameters' defaults put in; and what could not be read.
 * Read from the role's inline policies, the managed policies and {@code AWS::IAM::Policy}
 * resources of the same template, a SAM state machine's inline {@code Policies}, and policy
 * documents the user gives ({@code --role-policy FILE}).
 *
 * <p>Policy documents as IAM defines them: {@code Statement} is one object or a list, each with
 * an {@code Effect} of {@code Allow} or {@code Deny}
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_effect.html), and
 * {@code Action} and {@code Resource} one string or a list
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html,
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html);
 * the role's {@code Policies}, {@code ManagedPolicyArns}
 * (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-iam-role.html) and a
 * managed policy's {@code PolicyDocument}
 * (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-iam-managedpolicy.html).
 *
 * @param source what was read, for the report (such as {@code role IAMRoleStepFunctionsSSMAlerts})
 * @param grants each action on each resource the policies allow
 * @param unread one line for each policy or statement that was not compared, and why
 */
public record RolePolicies(String source, List<Grant> grants, List<String> unread) {

  /**
   * One action allowed on one resource.
   *
   * @param action {@code service:Action}, possibly with wildcards
   * @param resource an ARN, possibly with wildcards and {@code ${AWS::...}} pseudo parameters
   * @param from the policy it was read from
   */
  public record Grant(String action, String resource, String from) {
    public Grant {
      Objects.requireNonNull(action, "action == null");
      Objects.requireNonNull(resource, "resource == null");
    }
  }

  public RolePolicies {
    Objects.requireNonNull(source, "source == null");
    grants = List.copyOf(grants);
    unread = List.copyOf(unread);
  }

  /** No policy read: nothing to compare with. */
  public static RolePolicies none() {
    return new RolePolicies("", List.of(), List.of());
  }

  /** Whether anything was read, so that a comparison means something. */
  public boolean isEmpty() {
    return source.isEmpty() && grants.isEmpty() && unread.isEmpty();
  }

  /** These policies and {@code other}'s, as one role. */
  public RolePolicies and(RolePolicies other) {
    if (isEmpty()) {
      return other;
    }
    if (other.isEmpty()) {
      return this;
    }
    List<Grant> all = new ArrayList<>(grants);
    all.addAll(other.grants);
    List<String> notRead = new ArrayList<>(unread);
    notRead.addAll(other.unread);
    return new RolePolicies(source + " and " + other.source, all, notRead);
  }

  /**
   * Reads an IAM policy document from a file ({@code --role-policy FILE}).
   *
   * @throws AdoptionException when the file cannot be read or holds no policy document
   */
  public static RolePolicies fromFile(Path file) {
    JsonNode document;
    try {
      document = TemplateReader.parse(Files.readString(file));
    } catch (IOException e) {
      throw new AdoptionException(file + ": not an IAM policy document (" + e.getMessage().lines().findFirst().orElse("")
          + "); give the JSON document of one policy, {\"Version\": ..., \"Statement\": [...]}");
    }
    if (!document.path("Statement").isObject() && !document.path("Statement").isArray()) {
      throw new AdoptionException(file + ": not an IAM policy document, it has no Statement; give the JSON document "
          + "of one policy, {\"Version\": ..., \"Statement\": [...]}");
    }
    List<Grant> grants = new ArrayList<>();
    List<String> unread = new ArrayList<>();
    statements(document, "policy file " + file.getFileName(), Map.of(), grants, unread);
    return new RolePolicies("--role-policy " + file.getFileName(), grants, unread);
  }

  /**
   * Adds the grants of a policy document's statements; resource values that are template
   * functions are resolved with {@code defaults} (template parameter defaults, by name).
   */
  static void statements(JsonNode document, String from, Map<String, String> defaults, List<Grant> grants,
      List<String> unread) {
    List<JsonNode> list = oneOrList(document.path("Statement"));
    for (int i = 0; i < list.size(); i++) {
      JsonNode statement = list.get(i);
      String where = from + " statement " + (statement.path("Sid").isTextual() ? statement.get("Sid").textValue() : i);
      if (!"Allow".equals(statement.path("Effect").asText())) {
        unread.add(where + ": a Deny statement; not compared (Statecraft's role has none)");
        continue;
      }
      if (statement.has("NotAction") || statement.has("NotResource")) {
        unread.add(where + ": NotAction or NotResource; not compared, check it by hand");
        continue;
      }
      List<String> actions = texts(statement.path("Action"));
      List<String> resources = new ArrayList<>();
      JsonNode resourceNode = statement.path("Resource");
      for (JsonNode resource : resourceNode.isArray() ? oneOrList(resourceNode) : List.of(resourceNode)) {
        String text = resolve(resource, defaults);
        if (text == null) {
          unread.add(where + ": the resource " + resource + " is not text, Fn::Sub or Ref; not compared");
        } else {
          resources.add(text);
        }
      }
      for (String action : actions) {
        for (String resource : resources) {
          grants.add(new Grant(action, resource, from));
        }
      }
    }
  }

  // An element IAM and CloudFormation take as one object or a list of them: the object, or the
  // list's items; nothing for anything else.
  static List<JsonNode> oneOrList(JsonNode node) {
    if (node.isObject()) {
      return List.of(node);
    }
    List<JsonNode> items = new ArrayList<>();
    if (node.isArray()) {
      node.forEach(items::add);
    }
    return items;
  }

  private static List<String> texts(JsonNode node) {
    List<String> texts = new ArrayList<>();
    if (node.isTextual()) {
      texts.add(node.textValue());
    } else if (node.isArray()) {
      node.forEach(item -> {
        if (item.isTextual()) {
          texts.add(item.textValue());
        }
      });
    }
    return texts;
  }

  // A resource as Fn::Sub text: literal text, Fn::Sub (its variables put in), Ref of a parameter
  // (its default) or of anything else (${Name}); null for other template functions.
  private static String resolve(JsonNode resource, Map<String, String> defaults) {
    if (resource.isTextual()) {
      return withDefaults(resource.textValue(), defaults);
    }
    JsonNode sub = resource.path("Fn::Sub");
    if (sub.isTextual()) {
      return withDefaults(sub.textValue(), defaults);
    }
    if (sub.isArray() && sub.size() == 2 && sub.get(0).isTextual()) {
      String text = sub.get(0).textValue();
      for (Map.Entry<String, JsonNode> variable : iterableFields(sub.get(1))) {
        if (variable.getValue().isTextual()) {
          text = text.replace("${" + variable.getKey() + "}", variable.getValue().textValue());
        }
      }
      return withDefaults(text, defaults);
    }
    if (resource.path("Ref").isTextual()) {
      return withDefaults("${" + resource.get("Ref").textValue() + "}", defaults);
    }
    if (resource.path("Fn::GetAtt").isArray() && resource.get("Fn::GetAtt").size() == 2) {
      return "${" + resource.get("Fn::GetAtt").get(0).asText() + "." + resource.get("Fn::GetAtt").get(1).asText() + "}";
    }
    return null;
  }

  private static List<Map.Entry<String, JsonNode>> iterableFields(JsonNode object) {
    List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
    object.fields().forEachRemaining(fields::add);
    return fields;
  }

  /** {@code text} with each {@code ${Name}} that has a default replaced by it. */
  static String withDefaults(String text, Map<String, String> defaults) {
    String result = text;
    for (Map.Entry<String, String> entry : defaults.entrySet()) {
      result = result.replace("${" + entry.getKey() + "}", entry.getValue());
    }
    return result;
  }
}
