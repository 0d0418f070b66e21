package io.statecraft.generator.workflow;

import io.statecraft.dsl.BuiltStateMachine;
import io.statecraft.dsl.workflow.Workflow;
import io.statecraft.dsl.workflow.WorkflowSpec;
import io.statecraft.asl.CompiledDefinition;
import io.statecraft.asl.DefinitionCompiler;
import io.statecraft.asl.ProblemCode;
import io.statecraft.asl.Problems;
import io.statecraft.generator.cfn.TemplateGenerator;
import io.statecraft.asl.diagram.MermaidDiagram;
import io.statecraft.asl.json.CanonicalJson;
import io.statecraft.asl.json.JsonPointers;
import java.util.EnumMap;
import java.util.Map;

/**
 * Turns a {@link Workflow} into its definition, CloudFormation template (YAML and JSON) and
 * diagram, collecting every problem instead of stopping at the first.
 */
public final class WorkflowCompiler {

  private WorkflowCompiler() {}

  /** Compiles {@code workflow}; problems are in the result, never thrown. */
  public static CompiledWorkflow compile(Workflow workflow) {
    String id = workflow.id();
    Problems problems = new Problems();
    if (!Workflow.isValidId(id)) {
      problems.error(ProblemCode.INVALID_WORKFLOW_ID, JsonPointers.ROOT,
          "workflow id '" + id + "' of " + workflow.getClass().getName()
              + " must be lower-case letters, digits and hyphens, starting with a letter (such as patch-alerts)");
    }
    WorkflowSpec spec = workflow.spec();
    BuiltStateMachine built = spec.stateMachine().build();
    CompiledDefinition definition = DefinitionCompiler.compile(built, spec.type());
    problems.addAll(definition.problems());
    TemplateGenerator.Result template = TemplateGenerator.generate(id == null ? "" : id, spec, built, definition);
    problems.addAll(template.problems());

    Map<OutputFile, String> files = new EnumMap<>(OutputFile.class);
    files.put(OutputFile.DEFINITION, definition.text());
    files.put(OutputFile.TEMPLATE_YAML, TemplateYaml.write(template.template()));
    files.put(OutputFile.TEMPLATE_JSON, CanonicalJson.write(template.template()));
    files.put(OutputFile.DIAGRAM, MermaidDiagram.render(definition.definition()));
    return new CompiledWorkflow(id == null ? "" : id, definition, files, problems.sorted());
  }

}
