package io.statecraft.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.statecraft.asl.AslWriter;
import io.statecraft.dsl.StateMachine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Adoption types the tasks it can (the SDK's ec2 and sns models are on this module's test class
 * path, ssm's is not), derives their permissions as the workflow's build will, and compares them
 * with the original role's policies.
 */
final class AdoptTypedTasksTest {

  @TempDir
  Path temp;

  static final String TEMPLATE = """
      Resources:
        Flow:
          Type: AWS::StepFunctions::StateMachine
          Properties:
            RoleArn: !GetAtt FlowRole.Arn
            Definition:
              StartAt: Describe
              States:
                Describe:
                  Type: Task
                  Resource: arn:aws:states:::aws-sdk:ec2:describeInstances
                  Parameters:
                    Filters:
                      - Name: instance-state-name
                        Values: [running]
                      - Name: tag:Team
                        Values.$: $.teams
                  ResultPath: $.instances
                  Next: Notify
                Notify:
                  Type: Task
                  Resource: arn:aws:states:::sns:publish
                  Parameters:
                    TopicArn: arn:aws:sns:us-east-1:123456789012:alerts
                    Message.$: $.message
                  Next: Lookup
                Lookup:
                  Type: Task
                  Resource: arn:aws:states:::aws-sdk:ssm:getParameter
                  Parameters:
                    Name: /team/channel
                  End: true
        FlowRole:
          Type: AWS::IAM::Role
          Properties:
            AssumeRolePolicyDocument: {}
            Policies:
              - PolicyName: Flow
                PolicyDocument:
                  Statement:
                    - Effect: Allow
                      Action: ec2:DescribeInstances
                      Resource: '*'
                    - Effect: Allow
                      Action: [sns:Publish]
                      Resource: arn:aws:sns:us-east-1:123456789012:other
                    - Effect: Allow
                      Action: ssm:GetParameter
                      Resource: !Sub arn:${AWS::Partition}:ssm:${AWS::Region}:${AWS::AccountId}:parameter/team/*
      """;

  @Test
  void sdkTasksBecomeTypedCallsWithTheRequestBuilders() throws Exception {
    AdoptedWorkflow adopted = TemplateAdopter.fromTemplateText("flow.yaml", TEMPLATE, TemplateAdopter.Options.defaults());
    WorkflowSource.Written written = WorkflowSource.write(adopted, "com.example", "Flow");

    assertThat(written.source()).isEqualTo("""
        package com.example;

        import io.statecraft.aws.AwsSdk;
        import io.statecraft.dsl.Json;
        import io.statecraft.dsl.Path;
        import io.statecraft.dsl.Placeholder;
        import io.statecraft.dsl.StateMachine;
        import io.statecraft.dsl.Task;
        import io.statecraft.dsl.Value;
        import io.statecraft.dsl.workflow.Parameter;
        import io.statecraft.dsl.workflow.Workflow;
        import io.statecraft.dsl.workflow.WorkflowSpec;
        import java.util.List;
        import software.amazon.awssdk.services.ec2.model.DescribeInstancesRequest;
        import software.amazon.awssdk.services.ec2.model.Filter;
        import software.amazon.awssdk.services.sns.model.PublishRequest;

        /**
         * Adopted by Statecraft.
         */
        public final class Flow implements Workflow {
          /**
           * The workflow id: output folder and artifact classifier.
           */
          public static final String ID = "flow";

          static final Parameter NOTIFY_TOPIC_ARN = Parameter.string("NotifyTopicArn")
              .description("ARN that state Notify uses (adopted with arn:aws:sns:us-east-1:123456789012:alerts)")
              .defaultValue("arn:aws:sns:us-east-1:123456789012:alerts");

          @Override
          public String id() {
            return ID;
          }

          @Override
          public WorkflowSpec spec() {
            return WorkflowSpec.builder(stateMachine())
                .parameters(NOTIFY_TOPIC_ARN)
                .build();
          }

          /**
           * Builds the state machine.
           */
          public static StateMachine stateMachine() {
            Task describe = Task.named("Describe")
                .call(AwsSdk.call(DescribeInstancesRequest.builder()
                    .filters(List.of(
                        Filter.builder()
                            .name("instance-state-name")
                            .values(List.of("running"))
                            .build(),
                        Filter.builder()
                            .name("tag:Team")
                            .values(AwsSdk.list(Path.of("$.teams")))
                            .build()))
                    .build()))
                .resultPath(Path.of("$.instances"));
            Task notify = Task.named("Notify")
                .call(AwsSdk.optimized(PublishRequest.builder()
                    .topicArn(AwsSdk.text(Placeholder.string("NotifyTopicArn")))
                    .message(AwsSdk.text(Path.of("$.message")))
                    .build()));
            Task lookup = Task.named("Lookup")
                // Not typed, so no permissions are derived: the SDK model of ssm (software.amazon.awssdk:ssm) is not on the class path
                .resource("arn:aws:states:::aws-sdk:ssm:getParameter")
                .parameters(Json.object()
                  .put("Name", Value.of("/team/channel"))
                  .build());
            describe.next(notify);
            notify.next(lookup);
            return StateMachine.startWith(describe);
          }
        }
        """);
    assertThat(written.dependencies()).containsExactly("software.amazon.awssdk:ec2", "software.amazon.awssdk:sns");
    // Round trip: the typed calls write the very resources and Parameters the tasks had.
    JsonNode rebuilt = AslWriter.toJson(compileAndBuild(written.source(), "com.example.Flow").toDefinition());
    assertThat(rebuilt).isEqualTo(adopted.definition());
  }

  @Test
  void theReportSaysWhatWasTypedAndComparesThePermissionsWithTheOriginalRole() {
    AdoptedWorkflow adopted = TemplateAdopter.fromTemplateText("flow.yaml", TEMPLATE, TemplateAdopter.Options.defaults());

    assertThat(WorkflowSource.write(adopted, "com.example", "Flow").report()).containsExactly(
        "States/Describe: arn:aws:states:::aws-sdk:ec2:describeInstances -> typed call (AwsSdk), its permissions derived",
        "States/Notify: arn:aws:states:::sns:publish -> typed call (AwsSdk), its permissions derived",
        "States/Lookup: arn:aws:states:::aws-sdk:ssm:getParameter -> raw resource: the SDK model of ssm "
            + "(software.amazon.awssdk:ssm) is not on the class path",
        "Dependencies: the typed calls compile against software.amazon.awssdk:ec2, software.amazon.awssdk:sns (the AWS "
            + "SDK's service modules; add them to the workflow module's pom.xml, versions from the SDK's BOM)",
        "Permissions: role FlowRole compared with what the states derive (parameters at their defaults):",
        "  granted before, not now: sns:Publish on arn:aws:sns:us-east-1:123456789012:other (Resources/FlowRole/Policies/Flow)",
        "  granted before, not now: ssm:GetParameter on arn:${AWS::Partition}:ssm:${AWS::Region}:${AWS::AccountId}:"
            + "parameter/team/* (Resources/FlowRole/Policies/Flow)",
        "  granted now, not before: sns:Publish on arn:aws:sns:us-east-1:123456789012:alerts (state Notify)",
        "  not derived: state Lookup (arn:aws:states:::aws-sdk:ssm:getParameter) stays a raw resource: the SDK model of "
            + "ssm (software.amazon.awssdk:ssm) is not on the class path; it is granted nothing until you type it or "
            + "add Task.permissions(...)");
  }

  @Test
  void aPayloadThatIsNotStaticEnoughStaysRawWithTheReasonInACommentAndTheReport() throws Exception {
    AdoptedWorkflow adopted = adoptPublish("'Subject\\u000a*/ class X {}': x");
    WorkflowSource.Written written = WorkflowSource.write(adopted, "com.example", "Flow");

    assertThat(written.source()).contains("""
            Task notify = Task.named("Notify")
                // Not typed, so no permissions are derived: Subject&#92;u000a*&#47; class X {} is no member of PublishRequest
                .resource("arn:aws:states:::sns:publish")
        """);
    assertThat(written.report()).contains(
        "States/Notify: arn:aws:states:::sns:publish -> raw resource: Subject\\u000a*/ class X {} is no member of "
            + "PublishRequest",
        "Permissions: no policy of the original role was read, so none is compared; pass its documents with "
            + "--role-policy FILE");    // The name from the template stays data: the class compiles and builds the same definition.
    JsonNode rebuilt = AslWriter.toJson(compileAndBuild(written.source(), "com.example.Flow").toDefinition());
    assertThat(rebuilt).isEqualTo(adopted.definition());
  }

  @Test
  void aMisspeltMemberStaysRawAndTheReportSaysWhichMemberWasMeant() {
    AdoptedWorkflow adopted = adoptPublish("Subjct: Nightly report");

    assertThat(WorkflowSource.write(adopted, "com.example", "Flow").report()).contains(
        "States/Notify: arn:aws:states:::sns:publish -> raw resource: Subjct is no member of PublishRequest "
            + "(did you mean Subject?)");
  }

  // A template whose one state publishes to SNS with the parameter line given and a TopicArn.
  private static AdoptedWorkflow adoptPublish(String parameterLine) {
    String template = """
        Resources:
          Flow:
            Type: AWS::StepFunctions::StateMachine
            Properties:
              Definition:
                StartAt: Notify
                States:
                  Notify:
                    Type: Task
                    Resource: arn:aws:states:::sns:publish
                    Parameters:
                      %s
                      TopicArn: arn:aws:sns:us-east-1:123456789012:alerts
                    End: true
        """.formatted(parameterLine);
    return TemplateAdopter.fromTemplateText("flow.yaml", template, TemplateAdopter.Options.defaults());
  }

  @Test
  void aPolicyFileIsComparedToo() throws Exception {
    Path policy = temp.resolve("policy.json");
    Files.writeString(policy, """
        {"Version": "2012-10-17", "Statement": [
          {"Effect": "Allow", "Action": ["ec2:Describe*", "sns:Publish"], "Resource": "*"},
          {"Effect": "Deny", "Action": "sns:DeleteTopic", "Resource": "*"}]}
        """);
    AdoptedWorkflow adopted = TemplateAdopter.fromTemplateText("flow.yaml", TEMPLATE, TemplateAdopter.Options.defaults())
        .withRolePolicies(RolePolicies.fromFile(policy));

    List<String> report = WorkflowSource.write(adopted, "com.example", "Flow").report();

    assertThat(report.subList(4, report.size())).containsExactly(
        "Permissions: role FlowRole and --role-policy policy.json compared with what the states derive (parameters at "
            + "their defaults):",
        "  granted before, not now: sns:Publish on arn:aws:sns:us-east-1:123456789012:other (Resources/FlowRole/Policies/Flow)",
        "  granted before, not now: ssm:GetParameter on arn:${AWS::Partition}:ssm:${AWS::Region}:${AWS::AccountId}:"
            + "parameter/team/* (Resources/FlowRole/Policies/Flow)",
        "  granted before, not now: ec2:Describe* on * (policy file policy.json)",
        "  granted before, not now: sns:Publish on * (policy file policy.json)",
        "  not compared: policy file policy.json statement 1: a Deny statement; not compared (Statecraft's role has none)",
        "  not derived: state Lookup (arn:aws:states:::aws-sdk:ssm:getParameter) stays a raw resource: the SDK model of "
            + "ssm (software.amazon.awssdk:ssm) is not on the class path; it is granted nothing until you type it or "
            + "add Task.permissions(...)");
  }

  @Test
  void aPseudoParameterInAnArnMatchesWhatTheOtherSideNames() {
    RolePolicies.Grant derived = new RolePolicies.Grant("s3:ListBucket", "arn:${AWS::Partition}:s3:::acme-reports", "state List");
    RolePolicies.Grant literal = new RolePolicies.Grant("S3:List*", "arn:aws:s3:::acme-*", "policy");
    RolePolicies.Grant other = new RolePolicies.Grant("s3:ListBucket", "arn:aws:s3:::other", "policy");
    RolePolicies.Grant regional = new RolePolicies.Grant("sns:Publish",
        "arn:${AWS::Partition}:sns:${AWS::Region}:${AWS::AccountId}:*", "state Notify");

    assertThat(PermissionComparison.covers(literal, derived)).isTrue();
    assertThat(PermissionComparison.covers(other, derived)).isFalse();
    assertThat(PermissionComparison.covers(regional,
        new RolePolicies.Grant("sns:Publish", "arn:aws:sns:eu-west-1:123456789012:alerts", "policy"))).isTrue();
    assertThat(PermissionComparison.covers(new RolePolicies.Grant("sns:Publish", "arn:aws:sns:eu-west-1:123456789012:alerts",
        "policy"), regional)).isFalse();
    assertThat(PermissionComparison.covers(new RolePolicies.Grant("*", "*", "policy"), regional)).isTrue();
  }

  @Test
  void aSdkTaskWithoutParametersStaysRawRatherThanGainThem() {
    String template = """
        Resources:
          Flow:
            Type: AWS::StepFunctions::StateMachine
            Properties:
              Definition:
                StartAt: Topics
                States:
                  Topics: {Type: Task, Resource: "arn:aws:states:::aws-sdk:sns:listTopics", End: true}
        """;
    AdoptedWorkflow adopted = TemplateAdopter.fromTemplateText("flow.yaml", template, TemplateAdopter.Options.defaults());

    assertThat(WorkflowSource.write(adopted, "com.example", "Flow").report()).first().isEqualTo(
        "States/Topics: arn:aws:states:::aws-sdk:sns:listTopics -> raw resource: it has no Parameters, which the typed "
            + "call would write as {}");
  }

  @Test
  void aSamStateMachinesInlinePoliciesAreComparedAndItsManagedOnesNamed() {
    String template = """
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Flow:
            Type: AWS::Serverless::StateMachine
            Properties:
              Policies:
                - AWSXrayWriteOnlyAccess
                - SNSPublishMessagePolicy: {TopicName: alerts}
                - Statement:
                    - Effect: Allow
                      Action: sns:Publish
                      Resource: arn:aws:sns:us-east-1:123456789012:*
              Definition:
                StartAt: Notify
                States:
                  Notify:
                    Type: Task
                    Resource: arn:aws:states:::sns:publish
                    Parameters: {TopicArn: arn:aws:sns:us-east-1:123456789012:alerts, Message: done}
                    End: true
        """;
    AdoptedWorkflow adopted = TemplateAdopter.fromTemplateText("sam.yaml", template, TemplateAdopter.Options.defaults());

    List<String> report = WorkflowSource.write(adopted, "com.example", "Flow").report();

    assertThat(report.subList(2, report.size())).containsExactly(
        "Permissions: Policies compared with what the states derive (parameters at their defaults):",
        // Every topic of the account before, the one topic the task publishes to now.
        "  granted before, not now: sns:Publish on arn:aws:sns:us-east-1:123456789012:* (Policies)",
        "  not compared: Policies: the managed policy AWSXrayWriteOnlyAccess is not in the template; pass its document "
            + "with --role-policy FILE to compare",
        "  not compared: Policies: the policy template SNSPublishMessagePolicy is not in the template; pass its document "
            + "with --role-policy FILE to compare");
  }

  @Test
  void aFileThatIsNoPolicyDocumentIsOneLine() throws Exception {
    Path policy = Files.writeString(temp.resolve("role.json"), "{\"Role\": {}}");

    assertThatThrownBy(() -> RolePolicies.fromFile(policy)).isInstanceOf(AdoptionException.class)
        .hasMessage(policy + ": not an IAM policy document, it has no Statement; give the JSON document of one policy, "
            + "{\"Version\": ..., \"Statement\": [...]}");
  }

  @Test
  void pseudoParametersInFnSubBecomePlaceholdersCloudFormationFills() {
    String template = """
        Resources:
          Flow:
            Type: AWS::StepFunctions::StateMachine
            Properties:
              DefinitionString: !Sub |
                {"StartAt": "Run", "States": {"Run": {"Type": "Task",
                  "Resource": "arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:run",
                  "Parameters": {"Url": "https://example.${AWS::URLSuffix}/"}, "End": true}}}
        """;
    AdoptedWorkflow adopted = TemplateAdopter.fromTemplateText("flow.yaml", template, TemplateAdopter.Options.defaults());
    String source = WorkflowSource.write(adopted, "com.example", "Flow").source();

    assertThat(adopted.parameters()).isEmpty();
    assertThat(source).contains("""
                return WorkflowSpec.builder(stateMachine())
                    .substitution(Placeholder.string("Partition"), TemplateValue.sub("${AWS::Partition}"))
                    .substitution(Placeholder.string("Region"), TemplateValue.sub("${AWS::Region}"))
                    .substitution(Placeholder.string("AccountId"), TemplateValue.sub("${AWS::AccountId}"))
                    .substitution(Placeholder.string("URLSuffix"), TemplateValue.sub("${AWS::URLSuffix}"))
                    .build();
            """);
    assertThat(adopted.report()).containsExactly(
        "DefinitionSubstitutions/Partition: the pseudo parameter AWS::Partition -> placeholder ${Partition} filled in by "
            + "CloudFormation (substitution in spec())",
        "DefinitionSubstitutions/Region: the pseudo parameter AWS::Region -> placeholder ${Region} filled in by "
            + "CloudFormation (substitution in spec())",
        "DefinitionSubstitutions/AccountId: the pseudo parameter AWS::AccountId -> placeholder ${AccountId} filled in by "
            + "CloudFormation (substitution in spec())",
        "DefinitionSubstitutions/URLSuffix: the pseudo parameter AWS::URLSuffix -> placeholder ${URLSuffix} filled in by "
            + "CloudFormation (substitution in spec())");
  }

  private StateMachine compileAndBuild(String source, String className) throws Exception {
    return CompiledStateMachine.build(temp, source, className);
  }
}
