package io.statecraft.generator.cfn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.statecraft.asl.Problems;
import io.statecraft.asl.ProblemCode;
import io.statecraft.iam.IamCatalog;
import io.statecraft.asl.json.JsonPointers;
import io.statecraft.dsl.workflow.Encryption;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The template being written, and the problems found on the way. */
final class TemplateContext {

  final ObjectNode resources;
  final Problems problems = new Problems();
  /** The {@code *} statements' reasons, by role or policy logical id, then Sid. */
  // Plain loops, no lambdas or streams: this runs once per cold JVM on every generate, where each
  // lambda is a class spun at run time (issue 19, bench/RESULTS.md).
  final Map<String, Map<String, String>> wildcardReasons = new LinkedHashMap<>();
  final PolicyDocuments policies;
  /** How a resource's placeholder is written in {@code Fn::Sub}: {@code ApiArn -> Api.Arn}. */
  final Map<String, String> aliases;
  /**
   * What fills in each placeholder of the definition, as in {@code DefinitionSubstitutions}: also
   * what a derived one (an existing table's name) is where a grant or an input names it.
   */
  final Map<String, JsonNode> placeholderValues;
  /** The alias that triggers start the workflow through; null when there is none. */
  String aliasName;
  /** The workflow's customer managed key encryption; null when Step Functions' own key encrypts it. */
  Encryption encryption;
  /** Whether a policy on the state machine role names the state machine (and triggers should wait for it). */
  boolean hasStateMachinePolicy;

  TemplateContext(ObjectNode resources, IamCatalog catalog, Map<String, String> aliases,
      Map<String, JsonNode> placeholderValues) {
    this.resources = resources;
    this.policies = new PolicyDocuments(catalog, aliases, placeholderValues);
    this.aliases = aliases;
    this.placeholderValues = placeholderValues;
  }

  /** Parameter names, which share the logical id namespace with resources. */
  final Set<String> parameterNames = new HashSet<>();

  /**
   * Placeholders of the definition that nothing fills in, already reported (MISSING_SUBSTITUTION,
   * with the author's line). The references to them that the generator itself wrote, in IAM
   * statements and the like, follow from the same mistake and are not reported again.
   */
  final Set<String> missingPlaceholders = new HashSet<>();

  /**
   * A new resource {@code logicalId} of {@code type}; returns its {@code Properties}. A name that
   * is invalid or taken is reported, and the resource is then built aside, out of the template.
   */
  ObjectNode resource(String logicalId, String type) {
    String pointer = JsonPointers.child("/Resources", logicalId);
    if (!ParameterRules.isValidLogicalId(logicalId)) {
      error(ProblemCode.INVALID_LOGICAL_ID, pointer, "logical id '" + logicalId + "' of a " + type
          + " must be 1 to 255 letters and digits; rename it");
      return TemplateJson.NODES.objectNode().putObject("Properties");
    }
    if (resources.has(logicalId) || parameterNames.contains(logicalId)) {
      error(ProblemCode.DUPLICATE_LOGICAL_ID, pointer, "logical id '" + logicalId + "' of a " + type
          + " is already taken by " + (parameterNames.contains(logicalId) ? "a parameter" : "another resource")
          + " (the generator reserves StateMachine, StateMachineRole, StateMachinePolicy, StateMachineLogGroup and "
          + "<Id>Role, <Id>LogGroup, <Id>LogsPolicy, <Id>Task, <Id>DeadLetterQueue, <Id>DeadLetterQueuePolicy of "
          + "functions and triggers); rename one");
      return TemplateJson.NODES.objectNode().putObject("Properties");
    }
    ObjectNode resource = resources.putObject(logicalId);
    resource.put("Type", type);
    return resource.putObject("Properties");
  }

  /** {@link #resource(String, String)} created only when template condition {@code condition} holds. */
  ObjectNode resource(String logicalId, String type, String condition) {
    ObjectNode properties = resource(logicalId, type);
    JsonNode resource = resources.get(logicalId);
    if (resource != null && resource.get("Properties") == properties) {
      ((ObjectNode) resource).put("Condition", condition);
    }
    return properties;
  }

  static String pointer(String logicalId, String... path) {
    String pointer = JsonPointers.child("/Resources", logicalId);
    for (String key : path) {
      pointer = JsonPointers.child(pointer, key);
    }
    return pointer;
  }

  void error(ProblemCode code, String pointer, String message) {
    problems.error(code, pointer, message);
  }

  void warning(ProblemCode code, String pointer, String message) {
    problems.warning(code, pointer, message);
  }

  /** Records why a {@code *} of a policy that is no role's (a key policy) is there, under {@code owner}. */
  void wildcardReason(String owner, String sid, String reason) {
    wildcardReasonsOf(owner).put(sid, reason);
  }

  /** A policy document for {@code grants}, recording its {@code *} reasons under {@code owner}. */
  ObjectNode policyDocument(String owner, List<Grant> grants, String statementPointer) {
    PolicyDocuments.Document document = policies.build(grants, statementPointer, problems);
    if (!document.wildcardReasons().isEmpty()) {
      wildcardReasonsOf(owner).putAll(document.wildcardReasons());
    }
    return document.json();
  }

  private Map<String, String> wildcardReasonsOf(String owner) {
    Map<String, String> reasons = wildcardReasons.get(owner);
    if (reasons == null) {
      reasons = new LinkedHashMap<>();
      wildcardReasons.put(owner, reasons);
    }
    return reasons;
  }

  /** A role trusted by {@code service}, with the trust conditions given. */
  ObjectNode role(String logicalId, String service, ObjectNode condition) {
    ObjectNode properties = resource(logicalId, "AWS::IAM::Role");
    ObjectNode trust = properties.putObject("AssumeRolePolicyDocument");
    trust.put("Version", "2012-10-17");
    ObjectNode assume = trust.putArray("Statement").addObject();
    assume.put("Effect", "Allow");
    assume.putObject("Principal").put("Service", service);
    assume.put("Action", "sts:AssumeRole");
    if (condition != null) {
      assume.set("Condition", condition);
    }
    return properties;
  }

  /** The trust condition {@code aws:SourceAccount} = this account. */
  static ObjectNode sourceAccountCondition() {
    ObjectNode condition = TemplateJson.NODES.objectNode();
    condition.putObject("StringEquals").set("aws:SourceAccount", TemplateJson.ref("AWS::AccountId"));
    return condition;
  }

  /** Adds an inline policy {@code name} to a role's properties, unless there is nothing to grant. */
  void inlinePolicy(String roleId, ObjectNode roleProperties, String name, List<Grant> grants) {
    if (grants.isEmpty()) {
      return;
    }
    ObjectNode policy = roleProperties.putArray("Policies").addObject();
    policy.put("PolicyName", name);
    policy.set("PolicyDocument", policyDocument(roleId, grants,
        pointer(roleId, "Properties", "Policies", "0", "PolicyDocument", "Statement")));
  }
}
