package io.statecraft.generator.cfn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.statecraft.asl.ProblemCode;
import io.statecraft.asl.json.JsonPointers;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Checks the template's use of conditions: every {@code Fn::If} and {@code Condition} attribute
 * names a condition of the {@code Conditions} section, and a resource created only under a
 * condition is referred to only where that condition holds (from a resource with the same
 * condition, in the true branch of an {@code Fn::If} on it, or in the false branch of one on the
 * condition it negates). Otherwise CloudFormation rejects
 * the template, or fails the deploy when the condition is false
 * (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/conditions-section-structure.html).
 */
final class ConditionalReferences {

  // Plain loops, no lambdas or streams: this runs once per cold JVM on every generate, where each
  // lambda is a class spun at run time (issue 19, bench/RESULTS.md).
  private final Set<String> conditions = new HashSet<>();
  /** Conditions defined as the negation of another: {@code D: Fn::Not [Condition C]}, by C. */
  private final Map<String, Set<String>> negations = new TreeMap<>();
  private final Map<String, String> conditionalResources = new TreeMap<>();
  private final TemplateContext context;

  private ConditionalReferences(TemplateContext context) {
    this.context = context;
  }

  static void check(ObjectNode template, TemplateContext context) {
    ConditionalReferences check = new ConditionalReferences(context);
    Iterator<Map.Entry<String, JsonNode>> conditions = template.path("Conditions").fields();
    while (conditions.hasNext()) {
      Map.Entry<String, JsonNode> condition = conditions.next();
      check.conditions.add(condition.getKey());
      JsonNode negated = condition.getValue().path("Fn::Not").path(0).path("Condition");
      if (negated.isTextual()) {
        Set<String> negating = check.negations.get(negated.textValue());
        if (negating == null) {
          negating = new HashSet<>();
          check.negations.put(negated.textValue(), negating);
        }
        negating.add(condition.getKey());
      }
    }
    Iterator<Map.Entry<String, JsonNode>> resources = template.path("Resources").fields();
    while (resources.hasNext()) {
      Map.Entry<String, JsonNode> resource = resources.next();
      JsonNode condition = resource.getValue().path("Condition");
      if (condition.isTextual()) {
        check.conditionalResources.put(resource.getKey(), condition.textValue());
        check.known(condition.textValue(), TemplateContext.pointer(resource.getKey(), "Condition"));
      }
    }
    resources = template.path("Resources").fields();
    while (resources.hasNext()) {
      Map.Entry<String, JsonNode> resource = resources.next();
      Set<String> holding = new HashSet<>();
      JsonNode condition = resource.getValue().path("Condition");
      if (condition.isTextual()) {
        holding.add(condition.textValue());
      }
      String pointer = JsonPointers.child("/Resources", resource.getKey());
      JsonNode dependsOn = resource.getValue().path("DependsOn");
      if (dependsOn.isTextual()) {
        check.reference(dependsOn.textValue(), holding, JsonPointers.child(pointer, "DependsOn"));
      } else {
        for (int i = 0; i < dependsOn.size(); i++) {
          check.reference(dependsOn.get(i).asText(), holding, JsonPointers.child(JsonPointers.child(pointer, "DependsOn"), i));
        }
      }
      check.walk(resource.getValue().path("Properties"), JsonPointers.child(pointer, "Properties"), holding);
    }
    Iterator<Map.Entry<String, JsonNode>> outputs = template.path("Outputs").fields();
    while (outputs.hasNext()) {
      Map.Entry<String, JsonNode> output = outputs.next();
      check.walk(output.getValue(), JsonPointers.child("/Outputs", output.getKey()), Set.of());
    }
  }

  private void known(String condition, String pointer) {
    if (!conditions.contains(condition)) {
      context.error(ProblemCode.UNKNOWN_REFERENCE, pointer, "condition '" + condition + "' is not in the template's "
          + "Conditions section; use a TemplateCondition, which the generator declares");
    }
  }

  private void walk(JsonNode node, String pointer, Set<String> holding) {
    if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        walk(node.get(i), JsonPointers.child(pointer, i), holding);
      }
      return;
    }
    if (!node.isObject()) {
      return;
    }
    if (pointer.endsWith("/Properties/Definition")) {
      return; // placeholders, not references
    }
    if (node.size() == 1 && node.has("Fn::If") && node.get("Fn::If").size() == 3) {
      JsonNode args = node.get("Fn::If");
      String condition = args.get(0).asText();
      String here = JsonPointers.child(pointer, "Fn::If");
      known(condition, JsonPointers.child(here, 0));
      Set<String> whenTrue = new HashSet<>(holding);
      whenTrue.add(condition);
      walk(args.get(1), JsonPointers.child(here, 1), whenTrue);
      // In the false branch, the conditions defined as its negation hold.
      Set<String> whenFalse = new HashSet<>(holding);
      whenFalse.addAll(negations.getOrDefault(condition, Set.of()));
      walk(args.get(2), JsonPointers.child(here, 2), whenFalse);
      return;
    }
    if (node.size() == 1 && node.has("Ref") && node.get("Ref").isTextual()) {
      reference(node.get("Ref").textValue(), holding, JsonPointers.child(pointer, "Ref"));
      return;
    }
    if (node.size() == 1 && node.has("Fn::GetAtt")) {
      reference(node.get("Fn::GetAtt").path(0).asText(), holding, JsonPointers.child(pointer, "Fn::GetAtt"));
      return;
    }
    if (node.size() == 1 && node.has("Fn::Sub")) {
      JsonNode sub = node.get("Fn::Sub");
      String text = sub.isArray() ? sub.path(0).asText() : sub.asText();
      for (String reference : TemplateJson.subReferences(text)) {
        int dot = reference.indexOf('.');
        reference(dot < 0 ? reference : reference.substring(0, dot), holding, JsonPointers.child(pointer, "Fn::Sub"));
      }
      if (sub.isArray()) {
        walk(sub.path(1), JsonPointers.child(JsonPointers.child(pointer, "Fn::Sub"), 1), holding);
      }
      return;
    }
    Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      walk(field.getValue(), JsonPointers.child(pointer, field.getKey()), holding);
    }
  }

  private void reference(String name, Set<String> holding, String pointer) {
    String condition = conditionalResources.get(name);
    if (condition != null && !holding.contains(condition)) {
      context.error(ProblemCode.CONDITIONAL_REFERENCE, pointer, "resource " + name + " is created only when condition "
          + condition + " holds, but this refers to it whatever the condition; create this under " + condition
          + " too, or choose with TemplateValue.when(" + condition + ", ..., ...)");
    }
  }
}
