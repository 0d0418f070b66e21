package io.statecraft.workflows;

import com.fasterxml.jackson.databind.JsonNode;
import io.statecraft.dsl.workflow.Workflow;
import io.statecraft.generator.workflow.CompiledWorkflow;
import io.statecraft.generator.workflow.OutputFile;
import io.statecraft.generator.workflow.WorkflowCompiler;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** Reads what the generated templates grant and wire, for the template tests. */
final class Templates {

  private Templates() {}

  /** The workflow's template, as the plugin writes it to template.json. */
  static JsonNode template(Workflow workflow) {
    CompiledWorkflow compiled = WorkflowCompiler.compile(workflow).orThrow();
    return Calls.json(compiled.files().get(OutputFile.TEMPLATE_JSON));
  }

  static JsonNode resource(JsonNode template, String logicalId) {
    JsonNode resource = template.path("Resources").path(logicalId);
    if (resource.isMissingNode()) {
      throw new AssertionError("the template has no resource " + logicalId + "; it has "
          + new TreeSet<>(iterable(template.path("Resources").fieldNames())));
    }
    return resource;
  }

  /** Every statement granted to a role: its inline policies and the policies attached to it. */
  static List<JsonNode> statements(JsonNode template, String roleId) {
    List<JsonNode> statements = new ArrayList<>();
    resource(template, roleId).path("Properties").path("Policies")
        .forEach(policy -> policy.path("PolicyDocument").path("Statement").forEach(statements::add));
    template.path("Resources").forEach(resource -> {
      if (resource.path("Type").asText().equals("AWS::IAM::Policy")) {
        boolean attached = false;
        for (JsonNode role : resource.path("Properties").path("Roles")) {
          attached |= role.path("Ref").asText().equals(roleId);
        }
        if (attached) {
          resource.path("Properties").path("PolicyDocument").path("Statement").forEach(statements::add);
        }
      }
    });
    return statements;
  }

  /** The actions a role is granted, sorted. */
  static List<String> actions(JsonNode template, String roleId) {
    TreeSet<String> actions = new TreeSet<>();
    statements(template, roleId).forEach(statement -> statement.path("Action").forEach(a -> actions.add(a.asText())));
    return List.copyOf(actions);
  }

  /** The statement granting {@code action}; fails unless exactly one does. */
  static JsonNode statementFor(JsonNode template, String roleId, String action) {
    List<JsonNode> found = statements(template, roleId).stream()
        .filter(statement -> iterable(statement.path("Action").elements()).stream().anyMatch(a -> a.asText().equals(action)))
        .toList();
    if (found.size() != 1) {
      throw new AssertionError(found.size() + " statements of " + roleId + " grant " + action + ": " + found);
    }
    return found.get(0);
  }

  static <T> List<T> iterable(java.util.Iterator<T> iterator) {
    List<T> list = new ArrayList<>();
    iterator.forEachRemaining(list::add);
    return list;
  }
}
