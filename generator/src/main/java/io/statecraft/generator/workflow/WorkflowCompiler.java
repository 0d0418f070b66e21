package io.statecraft.generator.workflow;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.statecraft.dsl.BuiltStateMachine;
import io.statecraft.dsl.IamStatement;
import io.statecraft.dsl.workflow.Workflow;
import io.statecraft.dsl.workflow.WorkflowSpec;
import io.statecraft.dsl.workflow.WorkflowType;
import io.statecraft.generator.CompiledDefinition;
import io.statecraft.generator.DefinitionCompiler;
import io.statecraft.generator.Problem;
import io.statecraft.generator.diagram.MermaidDiagram;
import io.statecraft.generator.json.CanonicalJson;
import io.statecraft.generator.json.JsonPointers;
import io.statecraft.generator.validate.StateMachineType;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a {@link Workflow} into its definition, CloudFormation template (YAML and JSON) and
 * diagram, collecting every problem instead of stopping at the first.
 */
public final class WorkflowCompiler {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private WorkflowCompiler() {}

  /** Compiles {@code workflow}; problems are in the result, never thrown. */
  public static CompiledWorkflow compile(Workflow workflow) {
    String id = workflow.id();
    List<Problem> problems = new ArrayList<>();
    if (!Workflow.isValidId(id)) {
      problems.add(Problem.error("INVALID_WORKFLOW_ID", JsonPointers.ROOT,
          "workflow id '" + id + "' of " + workflow.getClass().getName()
              + " must be lower-case letters, digits and hyphens, starting with a letter (such as patch-alerts)"));
    }
    WorkflowSpec spec = workflow.spec();
    BuiltStateMachine built = spec.stateMachine().build();
    CompiledDefinition definition = DefinitionCompiler.compile(built, typeOf(spec.type()));
    problems.addAll(definition.problems());
    ObjectNode template = template(spec, built, definition);

    Map<OutputFile, String> files = new EnumMap<>(OutputFile.class);
    files.put(OutputFile.DEFINITION, definition.text());
    files.put(OutputFile.TEMPLATE_YAML, TemplateYaml.write(template));
    files.put(OutputFile.TEMPLATE_JSON, CanonicalJson.write(template));
    files.put(OutputFile.DIAGRAM, MermaidDiagram.render(definition.definition()));
    problems.sort(Problem.ORDER);
    return new CompiledWorkflow(id == null ? "" : id, definition, files, problems);
  }

  private static StateMachineType typeOf(WorkflowType type) {
    return type == WorkflowType.EXPRESS ? StateMachineType.EXPRESS : StateMachineType.STANDARD;
  }

  // The smallest template that deploys: the state machine and its role. The CloudFormation issue
  // grows this into parameters, supporting resources, triggers and outputs.
  private static ObjectNode template(WorkflowSpec spec, BuiltStateMachine built, CompiledDefinition definition) {
    ObjectNode template = NODES.objectNode();
    template.put("AWSTemplateFormatVersion", "2010-09-09");
    if (spec.description() != null) {
      template.put("Description", spec.description());
    }
    ObjectNode resources = template.putObject("Resources");
    ObjectNode role = resources.putObject("StateMachineRole");
    role.put("Type", "AWS::IAM::Role");
    ObjectNode roleProperties = role.putObject("Properties");
    ObjectNode trust = roleProperties.putObject("AssumeRolePolicyDocument");
    trust.put("Version", "2012-10-17");
    ObjectNode assume = trust.putArray("Statement").addObject();
    assume.put("Effect", "Allow");
    assume.putObject("Principal").put("Service", "states.amazonaws.com");
    assume.put("Action", "sts:AssumeRole");
    ObjectNode condition = assume.putObject("Condition");
    condition.putObject("StringEquals").putObject("aws:SourceAccount").put("Ref", "AWS::AccountId");
    condition.putObject("ArnLike").putObject("aws:SourceArn").put("Fn::Sub",
        "arn:${AWS::Partition}:states:${AWS::Region}:${AWS::AccountId}:stateMachine:*");
    List<IamStatement> statements = built.permissions().entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .flatMap(entry -> entry.getValue().stream())
        .distinct()
        .toList();
    if (!statements.isEmpty()) {
      ObjectNode policy = roleProperties.putArray("Policies").addObject();
      policy.put("PolicyName", "StateMachinePermissions");
      ObjectNode document = policy.putObject("PolicyDocument");
      document.put("Version", "2012-10-17");
      ArrayNode statementArray = document.putArray("Statement");
      for (IamStatement statement : statements) {
        ObjectNode node = statementArray.addObject();
        node.put("Effect", "Allow");
        ArrayNode actions = node.putArray("Action");
        statement.actions().forEach(actions::add);
        ArrayNode resourceArray = node.putArray("Resource");
        statement.resources().forEach(resource -> {
          if (resource.equals("*")) {
            resourceArray.add(resource);
          } else {
            resourceArray.addObject().put("Fn::Sub", resource);
          }
        });
      }
    }
    ObjectNode machine = resources.putObject("StateMachine");
    machine.put("Type", "AWS::StepFunctions::StateMachine");
    ObjectNode properties = machine.putObject("Properties");
    properties.set("Definition", definition.json().deepCopy());
    properties.putObject("RoleArn").putArray("Fn::GetAtt").add("StateMachineRole").add("Arn");
    properties.put("StateMachineType", spec.type().name());
    ObjectNode outputs = template.putObject("Outputs");
    ObjectNode arn = outputs.putObject("StateMachineArn");
    arn.putObject("Value").put("Ref", "StateMachine");
    arn.putObject("Export").putObject("Name").put("Fn::Sub", "${AWS::StackName}-StateMachineArn");
    return template;
  }
}
