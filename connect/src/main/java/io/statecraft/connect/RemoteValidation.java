package io.statecraft.connect;

import io.statecraft.asl.Problem;
import io.statecraft.asl.ProblemCode;
import io.statecraft.asl.Severity;
import io.statecraft.dsl.SourceLocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.CloudFormationException;
import software.amazon.awssdk.services.cloudformation.model.ValidateTemplateResponse;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.StateMachineType;
import software.amazon.awssdk.services.sfn.model.ValidateStateMachineDefinitionDiagnostic;
import software.amazon.awssdk.services.sfn.model.ValidateStateMachineDefinitionResponse;
import software.amazon.awssdk.services.sfn.model.ValidateStateMachineDefinitionSeverity;

/**
 * Asks AWS itself whether generated workflows would deploy, the one entry point that {@code
 * statecraft validate --remote} and the {@code validate-remote} goal call:
 *
 * <ul>
 *   <li>Step Functions {@code ValidateStateMachineDefinition} on each definition, with its
 *       placeholders filled ({@link PlaceholderValues}) and the state machine's type;</li>
 *   <li>CloudFormation {@code ValidateTemplate} on each template, sent as compact JSON by body, or
 *       when over 51,200 bytes uploaded to the {@link TemplateBucket} and sent by URL.</li>
 * </ul>
 *
 * Each diagnostic becomes a {@link Problem}: AWS's code (the registry's constant of that name, or
 * {@link ProblemCode#SERVICE_DIAGNOSTIC} for a code added since), the JSON Pointer from its
 * location, and the Java line of the state when the workflow was compiled in memory.
 *
 * <p>References: ValidateStateMachineDefinition,
 * https://docs.aws.amazon.com/step-functions/latest/apireference/API_ValidateStateMachineDefinition.html
 * (diagnostic codes and the location format {@code /States/<StateName>/<FieldName>}:
 * API_ValidateStateMachineDefinitionDiagnostic.html); ValidateTemplate,
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_ValidateTemplate.html
 * (a body of at most 51,200 bytes).
 */
public final class RemoteValidation {

  /** ValidateTemplate's limit on {@code TemplateBody}, in bytes (its API reference). */
  public static final int MAX_TEMPLATE_BODY_BYTES = 51_200;

  /**
   * What to validate with.
   *
   * @param parameterValues values for the templates' parameters, by name; used for placeholders
   *     instead of defaults and dummies
   * @param templateBucket where a template over 51,200 bytes is uploaded to be validated by URL;
   *     null to report such a template as not validated
   */
  public record Options(Map<String, String> parameterValues, TemplateBucket templateBucket) {

    public Options {
      parameterValues = Map.copyOf(parameterValues);
    }

    /** Without a bucket. */
    public Options(Map<String, String> parameterValues) {
      this(parameterValues, null);
    }

    public static Options defaults() {
      return new Options(Map.of());
    }

    public Options withTemplateBucket(TemplateBucket bucket) {
      return new Options(parameterValues, bucket);
    }
  }

  /** One problem AWS found, in one file of one workflow. */
  public record Finding(String file, Problem problem) {

    /** {@code FILE: SEVERITY CODE POINTER: message (File.java:12)}, as {@code lint} prints. */
    public String describe() {
      return file + ": " + problem.describe();
    }
  }

  /** Every problem AWS found, in the order of the workflows, definition first. */
  public record Report(List<Finding> findings, int definitions, int templates) {

    public Report {
      findings = List.copyOf(findings);
    }

    /** Whether the build fails: errors, or with {@code warningsAsErrors} any finding (as for lint). */
    public boolean failed(boolean warningsAsErrors) {
      return findings.stream().anyMatch(finding -> finding.problem().isError() || warningsAsErrors);
    }

    public String summary() {
      long errors = findings.stream().filter(finding -> finding.problem().isError()).count();
      long warnings = findings.size() - errors;
      return "validated " + definitions + (definitions == 1 ? " definition" : " definitions") + " and " + templates
          + (templates == 1 ? " template" : " templates") + " with AWS: " + errors + (errors == 1 ? " error" : " errors")
          + ", " + warnings + (warnings == 1 ? " warning" : " warnings");
    }
  }

  private RemoteValidation() {}

  /**
   * Validates every workflow with AWS.
   *
   * @throws AwsException when AWS cannot be called (no region or credentials, access denied,
   *     retries run out); the message says what to do
   */
  public static Report validate(List<GeneratedWorkflow> workflows, AwsSettings settings, Options options) {
    return validate(workflows, settings, options, line -> {});
  }

  /**
   * Validates every workflow with AWS, saying through {@code log} which templates went through S3.
   *
   * @throws AwsException when AWS cannot be called (no region or credentials, access denied,
   *     retries run out); the message says what to do
   */
  public static Report validate(List<GeneratedWorkflow> workflows, AwsSettings settings, Options options,
      Consumer<String> log) {
    Objects.requireNonNull(options, "options == null");
    String region = settings.resolveRegion().id();
    List<Finding> findings = new ArrayList<>();
    try (SfnClient sfn = settings.stepFunctions(); CloudFormationClient cfn = settings.cloudFormation();
        TemplateUpload templates = new TemplateUpload(settings, options.templateBucket(), log)) {
      for (GeneratedWorkflow workflow : workflows) {
        String definitionFile = workflow.shownAs() + "/definition.asl.json";
        String definition = PlaceholderValues.fill(workflow, options.parameterValues(), region);
        ValidateStateMachineDefinitionResponse response = AwsErrors.call("states:ValidateStateMachineDefinition",
            () -> sfn.validateStateMachineDefinition(request -> request.definition(definition)
                .type(StateMachineType.fromValue(workflow.stateMachineType()))));
        for (ValidateStateMachineDefinitionDiagnostic diagnostic : response.diagnostics()) {
          findings.add(new Finding(definitionFile, problemOf(diagnostic, workflow)));
        }
        String templateFile = workflow.shownAs() + "/template.json";
        findings.addAll(validateTemplate(cfn, templates.of(workflow), templateFile));
      }
    }
    return new Report(findings, workflows.size(), workflows.size());
  }

  private static List<Finding> validateTemplate(CloudFormationClient cfn, TemplateUpload.Template template, String file) {
    if (template.tooLarge()) {
      return List.of(new Finding(file, Problem.warning(ProblemCode.TEMPLATE_NOT_VALIDATED, "",
          "the template is " + template.bytes() + " bytes as compact JSON, over ValidateTemplate's "
              + MAX_TEMPLATE_BODY_BYTES + " for a body, so CloudFormation did not validate it; "
              + TemplateUpload.GIVE_A_BUCKET)));
    }
    try {
      ValidateTemplateResponse ignored = cfn.validateTemplate(request -> request.templateBody(template.body())
          .templateURL(template.url()));
      return List.of();
    } catch (CloudFormationException e) {
      if (e.awsErrorDetails() != null && "ValidationError".equals(e.awsErrorDetails().errorCode())) {
        return List.of(new Finding(file, Problem.error(ProblemCode.TEMPLATE_VALIDATION_ERROR, "",
            "CloudFormation: " + e.awsErrorDetails().errorMessage())));
      }
      throw AwsErrors.translate("cloudformation:ValidateTemplate", e);
    } catch (software.amazon.awssdk.core.exception.SdkException e) {
      throw AwsErrors.translate("cloudformation:ValidateTemplate", e);
    }
  }

  /** A Step Functions diagnostic as a problem of ours. */
  static Problem problemOf(ValidateStateMachineDefinitionDiagnostic diagnostic, GeneratedWorkflow workflow) {
    String awsCode = String.valueOf(diagnostic.code());
    ProblemCode code;
    String message = String.valueOf(diagnostic.message()).strip();
    try {
      code = ProblemCode.valueOf(awsCode);
    } catch (IllegalArgumentException e) {
      code = ProblemCode.SERVICE_DIAGNOSTIC;
      message = awsCode + ": " + message;
    }
    Severity severity = diagnostic.severity() == ValidateStateMachineDefinitionSeverity.WARNING
        ? Severity.WARNING : Severity.ERROR;
    String location = diagnostic.location();
    String pointer = location != null && location.startsWith("/") ? location : "";
    SourceLocation source = stateNameOf(pointer) == null ? null : workflow.stateSources().apply(stateNameOf(pointer));
    return new Problem(severity, code, pointer, "Step Functions: " + message, source);
  }

  /** The innermost state a pointer is in: the segment after the last {@code States}. */
  static String stateNameOf(String pointer) {
    String[] segments = pointer.split("/", -1);
    String name = null;
    for (int i = 1; i + 1 < segments.length; i++) {
      if (segments[i].equals("States")) {
        name = segments[i + 1].replace("~1", "/").replace("~0", "~");
      }
    }
    return name;
  }
}
