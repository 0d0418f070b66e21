package io.statecraft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.statecraft.asl.json.CanonicalJson;
import io.statecraft.dsl.workflow.Parameter;
import io.statecraft.dsl.workflow.Workflow;
import io.statecraft.generator.workflow.CompiledWorkflow;
import io.statecraft.generator.workflow.OutputFile;
import io.statecraft.generator.workflow.WorkflowCompiler;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code adopt}: from a template to a Workflow class that compiles and builds the same definition. */
final class AdoptCommandTest {

  private static final Path PATCH_ALERTS = Path.of("src/test/resources/adopt/patch-alerts/stack.yml");

  @TempDir
  Path dir;

  @Test
  void patchAlertsStackBecomesAWorkflowThatBuildsTheSameDefinition() throws Exception {
    Path src = dir.resolve("src/main/java");

    CommandLine run = CommandLine.run("adopt", "--package", "com.acme.flows", "--output", src.toString(),
        PATCH_ALERTS.toString());

    assertThat(run.status()).as(run.err()).isZero();
    assertThat(run.out()).isEqualTo("Adopted " + PATCH_ALERTS + " as workflow ssm-patching-alerts "
        + "(com.acme.flows.SsmPatchingAlerts):\n"
        + "  DefinitionSubstitutions/MicrosoftTeamsWebhookURL: Ref MicrosoftTeamsWebhookURL -> parameter MicrosoftTeamsWebhookURL\n"
        + "  DefinitionSubstitutions/EventBridgeConnectionArn: the AWS::Events::Connection EventBridgeAPIConnection's Arn "
        + "-> parameter EventBridgeConnectionArn without default; pass the value when you deploy (or declare the resource in spec())\n"
        + "  Resources/EventsRuleStepFunctionSSMAlerts: EventBridge rule -> trigger EventRule EventsRuleStepFunctionSSMAlerts "
        + "(its role is derived, its Name and RoleArn are not kept)\n"
        + "  LoggingConfiguration: level OFF, execution data not included -> kept\n"
        + "  RoleArn: not copied; Statecraft derives the execution role from the states (tasks with a raw resource declare "
        + "none until you use a typed integration or Task.permissions(...))\n"
        + "  StateMachineName: not kept; CloudFormation names the state machine after the stack\n"
        + "  States/DescribeInstances: arn:aws:states:::aws-sdk:ec2:describeInstances -> raw resource: the SDK model of "
        + "ec2 (software.amazon.awssdk:ec2) is not on the class path\n"
        + "  States/FetchInstanceComplianceData: arn:aws:states:::aws-sdk:ssm:listComplianceItems -> raw resource: the SDK "
        + "model of ssm (software.amazon.awssdk:ssm) is not on the class path\n"
        + "  States/DescribeTagsForFilteredInstances: arn:aws:states:::aws-sdk:ec2:describeTags -> raw resource: the SDK "
        + "model of ec2 (software.amazon.awssdk:ec2) is not on the class path\n"
        + "  States/CallThirdPartyAPI: arn:aws:states:::http:invoke -> typed call (HttpInvoke), its permissions derived\n"
        + "  Permissions: role IAMRoleStepFunctionsSSMAlerts compared with what the states derive (parameters at their "
        + "defaults):\n"
        // The derived grant is on the workflow's own state machine only, not on every one in the account.
        + "    granted before, not now: states:InvokeHTTPEndpoint on arn:aws:states:${AWS::Region}:${AWS::AccountId}:"
        + "stateMachine:* (Resources/IAMManagedPolicyStepFunctionsInvokeHttpEndpointScopedAccess)\n"
        // The connection is a parameter now; the old grant named the connection the stack created.
        + "    granted before, not now: events:RetrieveConnectionCredentials on arn:aws:events:${AWS::Region}:"
        + "${AWS::AccountId}:connection/${EventBridgeAPIConnection}/* "
        + "(Resources/EventBridgeRetrieveConnectionCredentialsScopedAccessPolicy)\n"
        + "    granted now, not before: events:RetrieveConnectionCredentials on ${EventBridgeConnectionArn} "
        + "(state CallThirdPartyAPI)\n"
        // From an ARN alone the secret's name is unknown, so every connection's secret is granted.
        + "    granted now, not before: secretsmanager:GetSecretValue on arn:${AWS::Partition}:secretsmanager:"
        + "${AWS::Region}:${AWS::AccountId}:secret:events!connection/* (state CallThirdPartyAPI)\n"
        + "    granted now, not before: secretsmanager:DescribeSecret on arn:${AWS::Partition}:secretsmanager:"
        + "${AWS::Region}:${AWS::AccountId}:secret:events!connection/* (state CallThirdPartyAPI)\n"
        + "    not compared: Resources/IAMRoleStepFunctionsSSMAlerts/ManagedPolicyArns: "
        + "arn:aws:iam::aws:policy/AmazonEC2ReadOnlyAccess is not in the template; pass its document with "
        + "--role-policy FILE to compare\n"
        + "    not compared: Resources/IAMRoleStepFunctionsSSMAlerts/ManagedPolicyArns: "
        + "arn:aws:iam::aws:policy/AmazonSSMReadOnlyAccess is not in the template; pass its document with "
        + "--role-policy FILE to compare\n"
        + "    not derived: state DescribeInstances (arn:aws:states:::aws-sdk:ec2:describeInstances) stays a raw resource: "
        + "the SDK model of ec2 (software.amazon.awssdk:ec2) is not on the class path; it is granted nothing until you "
        + "type it or add Task.permissions(...)\n"
        + "    not derived: state FetchInstanceComplianceData (arn:aws:states:::aws-sdk:ssm:listComplianceItems) stays a "
        + "raw resource: the SDK model of ssm (software.amazon.awssdk:ssm) is not on the class path; it is granted "
        + "nothing until you type it or add Task.permissions(...)\n"
        + "    not derived: state DescribeTagsForFilteredInstances (arn:aws:states:::aws-sdk:ec2:describeTags) stays a raw "
        + "resource: the SDK model of ec2 (software.amazon.awssdk:ec2) is not on the class path; it is granted nothing "
        + "until you type it or add Task.permissions(...)\n");
    Path java = src.resolve("com/acme/flows/SsmPatchingAlerts.java");
    Path services = dir.resolve("src/main/resources/META-INF/services/io.statecraft.dsl.workflow.Workflow");
    assertThat(run.err()).isEqualTo("wrote " + java + "\nwrote " + services + "\n");
    assertThat(services).hasContent("com.acme.flows.SsmPatchingAlerts");

    Workflow workflow = compileAndLoad(src, "com.acme.flows.SsmPatchingAlerts");
    CompiledWorkflow compiled = WorkflowCompiler.compile(workflow);
    assertThat(compiled.hasErrors()).as("%s", compiled.problems()).isFalse();
    assertThat(compiled.id()).isEqualTo("ssm-patching-alerts");

    JsonNode original = originalDefinition(PATCH_ALERTS);
    assertThat(withDefaults(compiled.definition().json(), workflow)).isEqualTo(original);
    String definition = compiled.files().get(OutputFile.DEFINITION);
    assertThat(definition).doesNotContainPattern("\\d{12}").doesNotContainPattern("https?://")
        .doesNotContainPattern("(us|eu|ap)-[a-z]+-\\d");
    String template = compiled.files().get(OutputFile.TEMPLATE_YAML);
    assertThat(template).contains("MicrosoftTeamsWebhookURL:").contains("ScheduleExpression: cron(0 8 ? * 2 *)");
    // The HTTP task is a typed call, so the execution role the template declares grants what it needs.
    assertThat(Files.readString(java)).contains(".call(HttpInvoke.request(HttpInvoke.Method.POST, "
        + "Placeholder.string(\"MicrosoftTeamsWebhookURL\"))\n");
    assertThat(template).contains("states:InvokeHTTPEndpoint").contains("events:RetrieveConnectionCredentials")
        .contains("secretsmanager:GetSecretValue");
  }

  @Test
  void literalsTiedToOneAccountBecomeParametersAndTheReportSaysWhere() throws Exception {
    Path template = write("console.yaml", """
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Alerts:
            Type: AWS::SNS::Topic
          Flow:
            Type: AWS::Serverless::StateMachine
            Properties:
              Type: EXPRESS
              Tracing: {Enabled: true}
              Tags: {team: ops}
              DefinitionSubstitutions:
                NotifyTopicArn: !Ref Alerts
              Events:
                Nightly:
                  Type: ScheduleV2
                  Properties:
                    ScheduleExpression: cron(0 2 * * ? *)
                    ScheduleExpressionTimezone: Europe/Bucharest
              Definition:
                StartAt: Save
                States:
                  Save:
                    Type: Task
                    Resource: arn:aws:states:::aws-sdk:s3:putObject
                    Parameters:
                      Bucket: acme-reports-prod
                      Key: report.json
                      Body.$: $
                    Next: Invoke
                  Invoke:
                    Type: Task
                    Resource: arn:aws:states:::lambda:invoke
                    Parameters:
                      FunctionName: arn:aws:lambda:eu-west-1:123456789012:function:format-report
                      Payload:
                        site: https://status.example.com/health
                        copyTo: acme-reports-prod
                        mirror: s3://acme-mirror-123456789012-eu-west-1/reports
                    Next: Notify
                  Notify:
                    Type: Task
                    Resource: arn:aws:states:::sns:publish
                    Parameters:
                      TopicArn: ${NotifyTopicArn}
                      Message: done
                    Next: Audit
                  Audit:
                    Type: Task
                    Resource: arn:aws:states:::sqs:sendMessage
                    Parameters:
                      QueueUrl: https://sqs.eu-west-1.amazonaws.com/123456789012/audit
                      MessageBody: keep-me-123456789012
                    End: true
        """);
    Path src = dir.resolve("src/main/java");

    CommandLine run = CommandLine.run("adopt", "--output", src.toString(), "--id", "reports",
        "--keep-literal", "keep-me-.*", template.toString());

    assertThat(run.status()).as(run.err()).isZero();
    assertThat(run.out()).isEqualTo("Adopted " + template + " as workflow reports (Reports):\n"
        + "  DefinitionSubstitutions/NotifyTopicArn: the SNS topic Alerts of the template -> SnsTopic NotifyTopic created by the workflow\n"
        + "  /States/Save/Parameters/Bucket: the name acme-reports-prod -> ${SaveBucketName}, parameter SaveBucketName (default: the old value)\n"
        + "  /States/Invoke/Parameters/FunctionName: the ARN arn:aws:lambda:eu-west-1:123456789012:function:format-report "
        + "-> ${InvokeFunctionArn}, parameter InvokeFunctionArn (default: the old value)\n"
        + "  /States/Invoke/Parameters/Payload/site: the URL https://status.example.com/health -> ${InvokeSiteUrl}, "
        + "parameter InvokeSiteUrl (default: the old value)\n"
        + "  /States/Invoke/Parameters/Payload/copyTo: the value acme-reports-prod -> ${SaveBucketName} (shared)\n"
        + "  /States/Invoke/Parameters/Payload/mirror: the account id 123456789012 -> ${AccountId}, parameter AccountId (default: the old value)\n"
        + "  /States/Invoke/Parameters/Payload/mirror: the Region eu-west-1 -> ${Region}, parameter Region (default: the old value)\n"
        + "  /States/Audit/Parameters/QueueUrl: the URL https://sqs.eu-west-1.amazonaws.com/123456789012/audit -> ${AuditQueueUrl}, "
        + "parameter AuditQueueUrl (default: the old value)\n"
        + "  Events/Nightly: SAM ScheduleV2 -> trigger Schedule Nightly\n"
        + "  States/Save: arn:aws:states:::aws-sdk:s3:putObject -> raw resource: Body is no member of PutObjectRequest\n"
        + "  States/Notify: arn:aws:states:::sns:publish -> raw resource: the SDK model of sns "
        + "(software.amazon.awssdk:sns) is not on the class path\n"
        + "  States/Audit: arn:aws:states:::sqs:sendMessage -> raw resource: the SDK model of sqs "
        + "(software.amazon.awssdk:sqs) is not on the class path\n"
        + "  Permissions: no policy of the original role was read, so none is compared; pass its documents with "
        + "--role-policy FILE\n"
        + "    not derived: state Save (arn:aws:states:::aws-sdk:s3:putObject) stays a raw resource: Body is no member of "
        + "PutObjectRequest; it is granted nothing until you type it or add Task.permissions(...)\n"
        + "    not derived: state Invoke (arn:aws:states:::lambda:invoke) stays a raw resource: its resource is no AWS SDK "
        + "or request-response optimized integration that Statecraft types; it is granted nothing until you type it or "
        + "add Task.permissions(...)\n"
        + "    not derived: state Notify (arn:aws:states:::sns:publish) stays a raw resource: the SDK model of sns "
        + "(software.amazon.awssdk:sns) is not on the class path; it is granted nothing until you type it or add "
        + "Task.permissions(...)\n"
        + "    not derived: state Audit (arn:aws:states:::sqs:sendMessage) stays a raw resource: the SDK model of sqs "
        + "(software.amazon.awssdk:sqs) is not on the class path; it is granted nothing until you type it or add "
        + "Task.permissions(...)\n");

    Workflow workflow = compileAndLoad(src, "Reports");
    CompiledWorkflow compiled = WorkflowCompiler.compile(workflow);
    assertThat(compiled.hasErrors()).as("%s", compiled.problems()).isFalse();
    JsonNode definition = compiled.definition().json();
    assertThat(definition.at("/States/Save/Parameters/Bucket").asText()).isEqualTo("${SaveBucketName}");
    assertThat(definition.at("/States/Invoke/Parameters/Payload/copyTo").asText()).isEqualTo("${SaveBucketName}");
    assertThat(definition.at("/States/Invoke/Parameters/Payload/mirror").asText())
        .isEqualTo("s3://acme-mirror-${AccountId}-${Region}/reports");
    assertThat(definition.at("/States/Audit/Parameters/MessageBody").asText()).isEqualTo("keep-me-123456789012");
    String yaml = compiled.files().get(OutputFile.TEMPLATE_YAML);
    assertThat(yaml).contains("StateMachineType: EXPRESS").contains("Type: AWS::SNS::Topic")
        .contains("ScheduleExpressionTimezone: Europe/Bucharest");
    assertThat(compiled.definition().text().replace("keep-me-123456789012", "")).doesNotContainPattern("\\d{12}")
        .doesNotContain("eu-west-1").doesNotContainPattern("https?://");
  }

  @Test
  void aLambdaArnAsTheTaskResourceBecomesAParameter() throws Exception {
    Path template = write("lambda.json", """
        {"Resources": {"Flow": {"Type": "AWS::StepFunctions::StateMachine", "Properties": {
          "Definition": {"StartAt": "Format", "States": {"Format": {"Type": "Task",
            "Resource": "arn:aws:lambda:us-east-1:123456789012:function:format-report", "End": true}}}}}}}
        """);
    Path src = dir.resolve("src/main/java");

    CommandLine run = CommandLine.run("adopt", "--output", src.toString(), "--id", "format", template.toString());

    assertThat(run.status()).as(run.err()).isZero();
    assertThat(run.out()).isEqualTo("Adopted " + template + " as workflow format (Format):\n"
        + "  /States/Format/Resource: the ARN arn:aws:lambda:us-east-1:123456789012:function:format-report -> "
        + "${FormatFunctionArn}, parameter FormatFunctionArn (default: the old value)\n"
        + "  Permissions: no policy of the original role was read, so none is compared; pass its documents with "
        + "--role-policy FILE\n"
        + "    not derived: state Format (${FormatFunctionArn}) stays a raw resource: its resource is no AWS SDK or "
        + "request-response optimized integration that Statecraft types; it is granted nothing until you type it or add "
        + "Task.permissions(...)\n");
    Workflow workflow = compileAndLoad(src, "Format");
    CompiledWorkflow compiled = WorkflowCompiler.compile(workflow);
    assertThat(compiled.hasErrors()).as("%s", compiled.problems()).isFalse();
    assertThat(compiled.definition().json().at("/States/Format/Resource").asText()).isEqualTo("${FormatFunctionArn}");
  }

  @Test
  void aMaintenanceWindowTaskBecomesTheTriggerAndPseudoParametersStayCloudFormations() throws Exception {
    Path template = write("window.yaml", """
        Resources:
          Patch:
            Type: AWS::StepFunctions::StateMachine
            Properties:
              DefinitionString: !Sub |
                {"StartAt": "Log", "States": {"Log": {"Type": "Pass",
                  "Result": {"where": "${AWS::Region}", "partition": "${AWS::Partition}"}, "End": true}}}
          PatchWindow:
            Type: AWS::SSM::MaintenanceWindow
            Properties:
              Name: patch-window
              Description: Sunday patching
              Schedule: cron(0 2 ? * SUN *)
              ScheduleTimezone: Europe/Bucharest
              Duration: 4
              Cutoff: 1
              AllowUnassociatedTargets: false
          PatchTargets:
            Type: AWS::SSM::MaintenanceWindowTarget
            Properties:
              WindowId: !Ref PatchWindow
              ResourceType: INSTANCE
              Targets:
                - Key: tag:Patch
                  Values: [infrequent]
          PatchTask:
            Type: AWS::SSM::MaintenanceWindowTask
            Properties:
              WindowId: !Ref PatchWindow
              TaskArn: !Ref Patch
              TaskType: STEP_FUNCTIONS
              ServiceRoleArn: arn:aws:iam::123456789012:role/window
              Priority: 2
              MaxConcurrency: "5"
              MaxErrors: "1"
              Targets:
                - Key: WindowTargetIds
                  Values: [!Ref PatchTargets]
              TaskInvocationParameters:
                MaintenanceWindowStepFunctionsParameters:
                  Input: '{"InstanceId": "{{TARGET_ID}}"}'
        """);
    Path src = dir.resolve("src/main/java");

    CommandLine run = CommandLine.run("adopt", "--output", src.toString(), "--id", "patch", template.toString());

    assertThat(run.status()).as(run.err()).isZero();
    assertThat(run.out()).startsWith("Adopted " + template + " as workflow patch (Patch):\n"
        + "  DefinitionSubstitutions/Region: the pseudo parameter AWS::Region -> placeholder ${Region} filled in by "
        + "CloudFormation (substitution in spec())\n"
        + "  DefinitionSubstitutions/Partition: the pseudo parameter AWS::Partition -> placeholder ${Partition} filled in "
        + "by CloudFormation (substitution in spec())\n"
        + "  Resources/PatchTask: maintenance window task -> trigger MaintenanceWindow PatchWindow with its window and 1 "
        + "target (its role is derived, its Name and ServiceRoleArn are not kept)\n");
    assertThat(src.resolve("Patch.java")).content().contains("""
                .substitution(Placeholder.string("Region"), TemplateValue.sub("${AWS::Region}"))
                .substitution(Placeholder.string("Partition"), TemplateValue.sub("${AWS::Partition}"))
        """).contains("""
                .triggers(MaintenanceWindow.named("PatchWindow").description("Sunday patching").schedule("cron(0 2 ? * SUN *)").timeZone("Europe/Bucharest").durationHours(4).cutoffHours(1)
                    .target(MaintenanceWindowTarget.named("PatchTargets").instancesTagged("Patch", TemplateValue.of("infrequent"))).priority(2).maxConcurrency("5").maxErrors("1").taskInput(Json.object()
                    .putRaw("InstanceId", Value.of("{{TARGET_ID}}"))
                    .build()))
        """);
    Workflow workflow = compileAndLoad(src, "Patch");
    CompiledWorkflow compiled = WorkflowCompiler.compile(workflow);
    assertThat(compiled.hasErrors()).as("%s", compiled.problems()).isFalse();
    assertThat(compiled.definition().json().at("/States/Log/Result/where").asText()).isEqualTo("${Region}");
    assertThat(compiled.definition().json().at("/States/Log/Result/partition").asText()).isEqualTo("${Partition}");
    JsonNode built = CanonicalJson.mapper().readTree(compiled.files().get(OutputFile.TEMPLATE_JSON));
    JsonNode substitutions = built.at("/Resources/StateMachine/Properties/DefinitionSubstitutions");
    assertThat(substitutions.path("Region").path("Fn::Sub").asText()).isEqualTo("${AWS::Region}");
    assertThat(substitutions.path("Partition").path("Fn::Sub").asText()).isEqualTo("${AWS::Partition}");
    JsonNode window = built.at("/Resources/PatchWindow/Properties");
    assertThat(window.path("Schedule").asText()).isEqualTo("cron(0 2 ? * SUN *)");
    assertThat(window.path("Duration").asInt()).isEqualTo(4);
    assertThat(built.at("/Resources/PatchTargets/Properties/Targets/0/Key").asText()).isEqualTo("tag:Patch");
  }

  @Test
  void aRolePolicyFileIsComparedWithWhatTheWorkflowDerives() throws Exception {
    // What AmazonEC2ReadOnlyAccess grants the patch-alerts role, in short.
    Path policy = write("ec2-read.json", """
        {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "ec2:Describe*", "Resource": "*"}]}
        """);

    CommandLine run = CommandLine.run("adopt", "--output", dir.resolve("src").toString(), "--role-policy", policy.toString(),
        PATCH_ALERTS.toString());

    assertThat(run.status()).as(run.err()).isZero();
    assertThat(run.out()).contains("  Permissions: role IAMRoleStepFunctionsSSMAlerts and --role-policy ec2-read.json "
        + "compared with what the states derive (parameters at their defaults):\n")
        .contains("    granted before, not now: ec2:Describe* on * (policy file ec2-read.json)\n");
  }

  @Test
  void aRolePolicyThatIsMissingOrNoPolicyIsOneLineAndNothingIsWritten() throws Exception {
    CommandLine missing = CommandLine.run("adopt", "--output", dir.resolve("src").toString(), "--role-policy",
        dir.resolve("none.json").toString(), PATCH_ALERTS.toString());
    Path notAPolicy = write("role.json", "{\"RoleName\": \"x\"}");
    CommandLine wrong = CommandLine.run("adopt", "--output", dir.resolve("src").toString(), "--role-policy",
        notAPolicy.toString(), PATCH_ALERTS.toString());

    assertThat(missing.status()).isEqualTo(2);
    assertThat(missing.err()).startsWith("statecraft adopt: --role-policy: no such file: " + dir.resolve("none.json") + "\n");
    assertThat(wrong.status()).isEqualTo(1);
    assertThat(wrong.err()).isEqualTo("statecraft adopt: " + notAPolicy + ": not an IAM policy document, it has no "
        + "Statement; give the JSON document of one policy, {\"Version\": ..., \"Statement\": [...]}\n");
    assertThat(dir.resolve("src")).doesNotExist();
  }

  // Each tries to end the string or comment it lands in and run code when the class loads.
  private static final String PROPERTY = "statecraft.adopt.injected";

  @Test
  void hostileTextInTheTemplateStaysData() throws Exception {
    String hostile = "x */ static { System.setProperty(\\\"" + PROPERTY + "\\\", \\\"yes\\\"); } /** \\\\u002a/ \\\" + \\\"";
    Path template = write("hostile.yaml", """
        Description: "%1$s"
        Parameters:
          Url: {Type: String, Description: "%1$s", Default: "%1$s", AllowedPattern: "%1$s"}
        Resources:
          Flow:
            Type: AWS::StepFunctions::StateMachine
            Properties:
              DefinitionSubstitutions: {Url: !Ref Url}
              Tags: [{Key: "%1$s", Value: "%1$s"}]
              Definition:
                Comment: "%1$s"
                StartAt: A
                States:
                  A: {Type: Pass, Comment: "%1$s", Result: {text: "%1$s", url: "${Url}"}, End: true}
          Rule:
            Type: AWS::Events::Rule
            Properties:
              Description: "%1$s"
              EventPattern: {source: ["%1$s"]}
              Targets: [{Id: t, Arn: !Ref Flow, Input: "%1$s"}]
        """.formatted(hostile));
    Path src = dir.resolve("src/main/java");

    CommandLine run = CommandLine.run("adopt", "--output", src.toString(), "--id", "hostile", template.toString());

    assertThat(run.status()).as(run.err()).isZero();
    Workflow workflow = compileAndLoad(src, "Hostile");
    workflow.spec();
    assertThat(System.getProperty(PROPERTY)).isNull();
    assertThat(workflow.spec().description())
        .isEqualTo("x */ static { System.setProperty(\"" + PROPERTY + "\", \"yes\"); } /** \\u002a/ \" + \"");
  }

  @Test
  void aTemplateWithoutAStateMachineIsNotAdopted() throws IOException {
    Path template = write("empty.yaml", "Resources:\n  Topic:\n    Type: AWS::SNS::Topic\n");

    assertRefused(template, "statecraft adopt: " + template + ": the template has no AWS::StepFunctions::StateMachine "
        + "or AWS::Serverless::StateMachine resource, so there is nothing to adopt\n");
  }

  @Test
  void aDefinitionThatDoesNotLintIsNotAdopted() throws IOException {
    Path template = write("bad.yaml", """
        Resources:
          Flow:
            Type: AWS::StepFunctions::StateMachine
            Properties:
              Definition:
                StartAt: A
                States:
                  A: {Type: Pass, Next: B}
        """);

    assertRefused(template, "statecraft adopt: " + template + ": Resources/Flow: the definition has 2 errors, so it "
        + "is not adopted; the first: ERROR MISSING_END_STATE /States: The top level has no terminal state, so it can "
        + "never finish; end a path with a Succeed or Fail state or \"End\": true (statecraft lint lists them all once "
        + "the definition is in a file of its own)\n");
  }

  @Test
  void anFnSubVariableThatIsNotResolvableIsNotAdopted() throws IOException {
    Path template = write("sub.yaml", """
        Resources:
          Flow:
            Type: AWS::StepFunctions::StateMachine
            Properties:
              DefinitionString: !Sub '{"StartAt": "A", "States": {"A": {"Type": "Pass", "Result": "${Missing}", "End": true}}}'
        """);

    assertRefused(template, "statecraft adopt: " + template + ": Resources/Flow/Properties/DefinitionString: "
        + "Fn::Sub uses ${Missing}, which is no parameter, resource, pseudo parameter or variable of the template; "
        + "declare it, or write ${!Missing} for the text itself\n");
  }

  @Test
  void aTemplateWithSeveralStateMachinesNeedsTheOneToAdopt() throws IOException {
    String machine = "    Type: AWS::StepFunctions::StateMachine\n    Properties:\n"
        + "      Definition: {StartAt: A, States: {A: {Type: Succeed}}}\n";
    Path template = write("two.yaml", "Resources:\n  A:\n" + machine + "  B:\n" + machine);

    assertRefused(template, "statecraft adopt: " + template + ": the template has 2 state machines [A, B]; "
        + "choose one with --resource ID\n");
  }

  @Test
  void aDefinitionInS3MustLieNextToTheTemplate() throws IOException {
    Path template = write("s3.yaml", """
        Resources:
          Flow:
            Type: AWS::StepFunctions::StateMachine
            Properties:
              DefinitionS3Location: {Bucket: artifacts, Key: flows/main.asl.json}
        """);

    CommandLine missing = CommandLine.run("adopt", "--output", dir.resolve("src").toString(), template.toString());
    write("main.asl.json", "{\"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Succeed\"}}}");
    CommandLine found = CommandLine.run("adopt", "--output", dir.resolve("src").toString(), "--id", "main", template.toString());

    assertThat(missing.status()).isEqualTo(1);
    assertThat(missing.err()).isEqualTo("statecraft adopt: " + template + ": Resources/Flow/Properties/DefinitionS3Location "
        + "points to flows/main.asl.json, which is not a file next to the template; put the definition file there as main.asl.json\n");
    assertThat(found.status()).as(found.err()).isZero();
    assertThat(dir.resolve("src/Main.java")).content().contains("Succeed a = Succeed.named(\"A\");");
  }

  // adopt exits 1 with exactly this message on stderr, and writes nothing.
  private void assertRefused(Path template, String err) {
    CommandLine run = CommandLine.run("adopt", "--output", dir.resolve("src").toString(), template.toString());

    assertThat(run.status()).isEqualTo(1);
    assertThat(run.err()).isEqualTo(err);
    assertThat(dir.resolve("src")).doesNotExist();
  }

  private Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, text);
    return file;
  }

  /** The DefinitionString of the template's one state machine, as JSON. */
  static JsonNode originalDefinition(Path template) throws IOException {
    JsonNode root = new com.fasterxml.jackson.databind.ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory())
        .readTree(template.toFile());
    Iterator<JsonNode> resources = root.path("Resources").elements();
    while (resources.hasNext()) {
      JsonNode resource = resources.next();
      if (resource.path("Type").asText().equals("AWS::StepFunctions::StateMachine")) {
        return CanonicalJson.mapper().readTree(resource.path("Properties").path("DefinitionString").asText());
      }
    }
    throw new IllegalArgumentException("no state machine in " + template);
  }

  /** {@code definition} with each placeholder of a parameter that has a default replaced by that default. */
  static JsonNode withDefaults(JsonNode definition, Workflow workflow) {
    JsonNode copy = definition.deepCopy();
    replace(copy, workflow.spec().parameters());
    return copy;
  }

  private static void replace(JsonNode node, List<Parameter> parameters) {
    if (node instanceof ObjectNode object) {
      List<String> keys = new ArrayList<>();
      object.fieldNames().forEachRemaining(keys::add);
      for (String key : keys) {
        JsonNode value = object.get(key);
        if (value.isTextual()) {
          object.set(key, TextNode.valueOf(substitute(value.textValue(), parameters)));
        } else {
          replace(value, parameters);
        }
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        if (node.get(i).isTextual()) {
          ((com.fasterxml.jackson.databind.node.ArrayNode) node).set(i, TextNode.valueOf(substitute(node.get(i).textValue(), parameters)));
        } else {
          replace(node.get(i), parameters);
        }
      }
    }
  }

  private static String substitute(String text, List<Parameter> parameters) {
    for (Parameter parameter : parameters) {
      if (parameter.defaultValue() != null) {
        text = text.replace("${" + parameter.name() + "}", parameter.defaultValue());
      }
    }
    return text;
  }

  /** Compiles the sources under {@code src} against this test's class path and loads {@code className}. */
  static Workflow compileAndLoad(Path src, String className) throws Exception {
    return compileAndLoadAll(src, List.of(className)).get(0);
  }

  /** Compiles the sources under {@code src} in one javac run and creates each of {@code classNames}. */
  static List<Workflow> compileAndLoadAll(Path src, java.util.Collection<String> classNames) throws Exception {
    List<String> sources;
    try (Stream<Path> files = Files.walk(src)) {
      sources = files.filter(p -> p.toString().endsWith(".java")).map(Path::toString).toList();
    }
    Path classes = Files.createDirectories(src.resolveSibling("classes-" + System.nanoTime()));
    List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-classpath", System.getProperty("java.class.path")));
    args.addAll(sources);
    ByteArrayOutputStream errors = new ByteArrayOutputStream();
    int status = ToolProvider.getSystemJavaCompiler().run(null, null, errors, args.toArray(String[]::new));
    assertThat(status).as("javac: %s", errors.toString(StandardCharsets.UTF_8)).isZero();
    URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, AdoptCommandTest.class.getClassLoader());
    List<Workflow> workflows = new ArrayList<>();
    for (String className : classNames) {
      workflows.add((Workflow) loader.loadClass(className).getConstructor().newInstance());
    }
    return workflows;
  }
}
