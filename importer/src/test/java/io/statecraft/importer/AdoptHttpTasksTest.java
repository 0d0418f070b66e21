package io.statecraft.importer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.statecraft.asl.AslReader;
import io.statecraft.asl.AslWriter;
import io.statecraft.dsl.IamStatement;
import io.statecraft.dsl.StateMachine;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Adoption types HTTP tasks ({@code arn:aws:states:::http:invoke}) as {@code HttpInvoke} calls
 * whose Parameters are the very ones the task had, so that their permissions are derived.
 */
final class AdoptHttpTasksTest {

  @TempDir
  Path temp;

  static final String TEMPLATE = """
      Parameters:
        ConnectionArn:
          Type: String
      Resources:
        Flow:
          Type: AWS::StepFunctions::StateMachine
          Properties:
            RoleArn: !GetAtt FlowRole.Arn
            DefinitionSubstitutions:
              ConnectionArn: !Ref ConnectionArn
            Definition:
              StartAt: Status
              States:
                Status:
                  Type: Task
                  Resource: arn:aws:states:::http:invoke
                  Parameters:
                    ApiEndpoint: https://status.example.com/api/v2/summary
                    Method: GET
                    Authentication:
                      ConnectionArn: ${ConnectionArn}
                    QueryParameters:
                      region: eu
                      page.$: $.page
                  ResultSelector:
                    status.$: $.StatusCode
                  ResultPath: $.status
                  Next: Notify
                Notify:
                  Type: Task
                  Resource: arn:aws:states:::http:invoke
                  Parameters:
                    ApiEndpoint.$: $.webhook
                    Method: POST
                    Authentication:
                      ConnectionArn: ${ConnectionArn}
                    Headers:
                      Content-Type: application/json
                      X-Request-Id.$: $$.Execution.Name
                    RequestBody:
                      text.$: States.Format('status {}', $.status.status)
                  Next: Form
                Form:
                  Type: Task
                  Resource: arn:aws:states:::http:invoke
                  Parameters:
                    ApiEndpoint: https://forms.example.com/submit
                    Method: POST
                    Authentication:
                      ConnectionArn: ${ConnectionArn}
                    RequestBody:
                      name: ops
                    Transform:
                      RequestBodyEncoding: URL_ENCODED
                      RequestEncodingOptions:
                        ArrayFormat: BRACKETS
                  End: true
        FlowRole:
          Type: AWS::IAM::Role
          Properties:
            AssumeRolePolicyDocument: {}
            Policies:
              - PolicyName: Http
                PolicyDocument:
                  Statement:
                    - Effect: Allow
                      Action: states:InvokeHTTPEndpoint
                      Resource: !Sub arn:${AWS::Partition}:states:${AWS::Region}:${AWS::AccountId}:stateMachine:*
                    - Effect: Allow
                      Action: events:RetrieveConnectionCredentials
                      Resource: !Ref ConnectionArn
                    - Effect: Allow
                      Action: [secretsmanager:GetSecretValue, secretsmanager:DescribeSecret]
                      Resource: !Sub arn:${AWS::Partition}:secretsmanager:${AWS::Region}:${AWS::AccountId}:secret:events!connection/*
      """;

  // The status page's URL stays a literal (the others are lifted into parameters, as adopt does).
  static final TemplateAdopter.Options KEEP_STATUS_URL =
      new TemplateAdopter.Options(null, null, Pattern.compile("https://status\\.example\\.com/.*"));

  @Test
  void httpTasksBecomeHttpInvokeCallsThatBuildTheSameDefinition() throws Exception {
    AdoptedWorkflow adopted = TemplateAdopter.fromTemplateText("flow.yaml", TEMPLATE, KEEP_STATUS_URL);
    WorkflowSource.Written written = WorkflowSource.write(adopted, "com.example", "Flow");

    assertThat(written.source()).isEqualTo("""
        package com.example;

        import io.statecraft.aws.HttpInvoke;
        import io.statecraft.dsl.Intrinsic;
        import io.statecraft.dsl.Json;
        import io.statecraft.dsl.Path;
        import io.statecraft.dsl.Placeholder;
        import io.statecraft.dsl.StateMachine;
        import io.statecraft.dsl.Task;
        import io.statecraft.dsl.Value;
        import io.statecraft.dsl.workflow.Parameter;
        import io.statecraft.dsl.workflow.Workflow;
        import io.statecraft.dsl.workflow.WorkflowSpec;

        /**
         * Adopted by Statecraft.
         */
        public final class Flow implements Workflow {
          /**
           * The workflow id: output folder and artifact classifier.
           */
          public static final String ID = "flow";

          static final Parameter CONNECTION_ARN = Parameter.string("ConnectionArn");

          static final Parameter FORM_API_ENDPOINT = Parameter.string("FormApiEndpoint")
              .description("URL that state Form uses (adopted with https://forms.example.com/submit)")
              .defaultValue("https://forms.example.com/submit");

          @Override
          public String id() {
            return ID;
          }

          @Override
          public WorkflowSpec spec() {
            return WorkflowSpec.builder(stateMachine())
                .parameters(CONNECTION_ARN, FORM_API_ENDPOINT)
                .build();
          }

          /**
           * Builds the state machine.
           */
          public static StateMachine stateMachine() {
            Task status = Task.named("Status")
                .call(HttpInvoke.request(HttpInvoke.Method.GET, Value.of("https://status.example.com/api/v2/summary"))
                    .connection(Placeholder.string("ConnectionArn"))
                    .queryParameter("region", Value.of("eu"))
                    .queryParameter("page", Path.of("$.page")))
                .resultSelector(Json.object()
                  .put("status", Path.of("$.StatusCode"))
                  .build())
                .resultPath(Path.of("$.status"));
            Task notify = Task.named("Notify")
                .call(HttpInvoke.request(HttpInvoke.Method.POST, Path.of("$.webhook"))
                    .connection(Placeholder.string("ConnectionArn"))
                    .header("Content-Type", "application/json")
                    .header("X-Request-Id", Path.of("$$.Execution.Name"))
                    .requestBody(Json.object()
                      .put("text", Intrinsic.parse("States.Format('status {}', $.status.status)"))
                      .build()));
            Task form = Task.named("Form")
                // Not typed, so no permissions are derived: its Transform is more than RequestBodyEncoding URL_ENCODED, which is all HttpInvoke writes
                .resource("arn:aws:states:::http:invoke")
                .parameters(Json.object()
                  .put("ApiEndpoint", Value.of("${FormApiEndpoint}"))
                  .put("Method", Value.of("POST"))
                  .put("Authentication", Json.object()
                  .put("ConnectionArn", Value.of("${ConnectionArn}"))
                  .build())
                  .put("RequestBody", Json.object()
                  .put("name", Value.of("ops"))
                  .build())
                  .put("Transform", Json.object()
                  .put("RequestBodyEncoding", Value.of("URL_ENCODED"))
                  .put("RequestEncodingOptions", Json.object()
                  .put("ArrayFormat", Value.of("BRACKETS"))
                  .build())
                  .build())
                  .build());
            status.next(notify);
            notify.next(form);
            return StateMachine.startWith(status);
          }
        }
        """);
    assertThat(written.dependencies()).isEmpty();
    JsonNode rebuilt = AslWriter.toJson(compileAndBuild(written.source(), "com.example.Flow").toDefinition());
    assertThat(rebuilt).isEqualTo(adopted.definition());
  }

  @Test
  void theReportSaysWhichHttpTasksAreTypedAndWhyOneIsNot() {
    AdoptedWorkflow adopted = TemplateAdopter.fromTemplateText("flow.yaml", TEMPLATE, KEEP_STATUS_URL);

    assertThat(WorkflowSource.write(adopted, "com.example", "Flow").report()).containsExactly(
        "States/Status: arn:aws:states:::http:invoke -> typed call (HttpInvoke), its permissions derived",
        "States/Notify: arn:aws:states:::http:invoke -> typed call (HttpInvoke), its permissions derived",
        "States/Form: arn:aws:states:::http:invoke -> raw resource: its Transform is more than RequestBodyEncoding URL_ENCODED, which is all HttpInvoke writes",
        "Permissions: role FlowRole compared with what the states derive (parameters at their defaults):",
        // The connection and its secrets are matched; the invoke grant is on this state machine only now.
        "  granted before, not now: states:InvokeHTTPEndpoint on arn:${AWS::Partition}:states:${AWS::Region}:"
            + "${AWS::AccountId}:stateMachine:* (Resources/FlowRole/Policies/Http)",
        "  not derived: state Form (arn:aws:states:::http:invoke) stays a raw resource: its Transform is more than RequestBodyEncoding URL_ENCODED, which is all HttpInvoke writes; it is "
            + "granted nothing until you type it or add Task.permissions(...)");
  }

  @Test
  void anHttpTaskDerivesTheThreeGrantsTheHttpTaskNeeds() {
    AdoptedWorkflow adopted = TemplateAdopter.fromTemplateText("flow.yaml", TEMPLATE, KEEP_STATUS_URL);
    TypedTasks typed = new TypedTasks(getClass().getClassLoader());
    JavaSourceImporter.stateCode(AslReader.read(adopted.definition()), new ArrayList<>(), typed);

    String secrets = "arn:${AWS::Partition}:secretsmanager:${AWS::Region}:${AWS::AccountId}:secret:events!connection/*";
    assertThat(typed.byState().get("Status").statements()).containsExactly(
        IamStatement.allow("states:InvokeHTTPEndpoint", IamStatement.THIS_STATE_MACHINE)
            .withCondition("StringEquals", "states:HTTPMethod", List.of("GET"))
            .withCondition("StringEquals", "states:HTTPEndpoint", List.of("https://status.example.com/api/v2/summary")),
        IamStatement.allow("events:RetrieveConnectionCredentials", "${ConnectionArn}"),
        IamStatement.allow(List.of("secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"), List.of(secrets)));
    // An endpoint read at run time cannot be a condition: only the method limits the invoke grant.
    assertThat(typed.byState().get("Notify").statements().get(0)).isEqualTo(
        IamStatement.allow("states:InvokeHTTPEndpoint", IamStatement.THIS_STATE_MACHINE)
            .withCondition("StringEquals", "states:HTTPMethod", List.of("POST")));
  }

  private StateMachine compileAndBuild(String source, String className) throws Exception {
    return CompiledStateMachine.build(temp, source, className);
  }
}
