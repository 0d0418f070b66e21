package io.statecraft.generator.cfn;

import static io.statecraft.generator.cfn.TemplateGeneratorTest.compile;
import static io.statecraft.generator.cfn.TemplateGeneratorTest.json;
import static io.statecraft.generator.cfn.TemplateGeneratorTest.problems;
import static io.statecraft.generator.cfn.TemplateGeneratorTest.template;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.statecraft.dsl.IamStatement;
import io.statecraft.dsl.Json;
import io.statecraft.dsl.StateMachine;
import io.statecraft.dsl.Task;
import io.statecraft.dsl.workflow.EventRule;
import io.statecraft.dsl.workflow.HttpConnection;
import io.statecraft.dsl.workflow.MaintenanceWindow;
import io.statecraft.dsl.workflow.MaintenanceWindowTarget;
import io.statecraft.dsl.workflow.Parameter;
import io.statecraft.dsl.workflow.Schedule;
import io.statecraft.dsl.workflow.TemplateValue;
import io.statecraft.dsl.workflow.WorkflowSpec;
import io.statecraft.generator.workflow.CompiledWorkflow;
import org.junit.jupiter.api.Test;

/** What rules, schedules and maintenance window tasks share: {@link TriggerTarget}. */
class TriggerTargetTest {

  @Test
  void everyTriggerStartsTheStateMachineWithItsOwnRoleAndInputOnceItsPolicyExists() {
    // The connection's statements name the state machine, so the template has a StateMachinePolicy.
    Parameter url = Parameter.string("Url");
    HttpConnection api = HttpConnection.named("Api").apiKey("x-api-key", Parameter.string("ApiKey").noEcho());
    Task call = Task.named("Call").resource("arn:aws:states:::http:invoke")
        .parameters(Json.object().put("ApiEndpoint", url.ref()).put("Method", "GET")
            .put("Authentication", Json.object().put("ConnectionArn", api.arn())))
        .permissions(api.iamStatementsForInvoke(url.ref(), "GET").toArray(IamStatement[]::new));

    CompiledWorkflow compiled = compile(WorkflowSpec.builder(StateMachine.startWith(call)).parameters(url).resources(api)
        .triggers(
            EventRule.named("Rule").description("by rule").schedule("rate(1 day)")
                .input(Json.object().put("from", "rule").build()),
            Schedule.named("Timer").description("by schedule").expression("rate(1 day)")
                .input(Json.object().put("from", "schedule").build()),
            MaintenanceWindow.named("Window").description("by window").schedule("rate(7 days)")
                .target(MaintenanceWindowTarget.named("Instances").instancesTagged("Patch", TemplateValue.of("yes")))
                .taskInput(Json.object().put("from", MaintenanceWindow.TARGET_ID).build())));

    assertThat(problems(compiled)).isEmpty();
    JsonNode resources = template(compiled).path("Resources");
    assertThat(resources.at("/Rule/Properties/Description").asText()).isEqualTo("by rule");
    assertThat(resources.at("/Timer/Properties/Description").asText()).isEqualTo("by schedule");
    assertThat(resources.at("/Window/Properties/Description").asText()).isEqualTo("by window");
    assertThat(resources.at("/Rule/Properties/Targets/0/Input").asText()).isEqualTo("{\"from\":\"rule\"}");
    assertThat(resources.at("/Timer/Properties/Target/Input").asText()).isEqualTo("{\"from\":\"schedule\"}");
    assertThat(resources.at("/WindowTask/Properties/TaskInvocationParameters/MaintenanceWindowStepFunctionsParameters/Input")
        .asText()).isEqualTo("{\"from\":\"{{TARGET_ID}}\"}");
    assertThat(resources.at("/Rule/Properties/Targets/0/RoleArn")).isEqualTo(json("{\"Fn::GetAtt\": [\"RuleRole\", \"Arn\"]}"));
    assertThat(resources.at("/Timer/Properties/Target/RoleArn")).isEqualTo(json("{\"Fn::GetAtt\": [\"TimerRole\", \"Arn\"]}"));
    assertThat(resources.at("/WindowTask/Properties/ServiceRoleArn")).isEqualTo(json("{\"Fn::GetAtt\": [\"WindowRole\", \"Arn\"]}"));
    // What starts the state machine waits for its policy; the window itself starts nothing.
    JsonNode waitsForPolicy = json("[\"StateMachinePolicy\"]");
    assertThat(resources.at("/Rule/DependsOn")).isEqualTo(waitsForPolicy);
    assertThat(resources.at("/Timer/DependsOn")).isEqualTo(waitsForPolicy);
    assertThat(resources.at("/WindowTask/DependsOn")).isEqualTo(waitsForPolicy);
    assertThat(resources.at("/Window/DependsOn").isMissingNode()).isTrue();
    for (String[] role : new String[][] {
        {"RuleRole", "events.amazonaws.com"}, {"TimerRole", "scheduler.amazonaws.com"}, {"WindowRole", "ssm.amazonaws.com"}}) {
      JsonNode properties = resources.path(role[0]).path("Properties");
      assertThat(properties.at("/AssumeRolePolicyDocument/Statement/0/Principal/Service").asText()).isEqualTo(role[1]);
      assertThat(properties.at("/AssumeRolePolicyDocument/Statement/0/Condition/StringEquals"))
          .isEqualTo(json("{\"aws:SourceAccount\": {\"Ref\": \"AWS::AccountId\"}}"));
      assertThat(properties.at("/Policies/0/PolicyName").asText()).isEqualTo("StartStateMachine");
      assertThat(properties.at("/Policies/0/PolicyDocument/Statement").toString())
          .contains("{\"Effect\":\"Allow\",\"Action\":[\"states:StartExecution\"],\"Resource\":[{\"Fn::Sub\":\"${StateMachine}\"}]}");
    }
  }

  @Test
  void withoutAStateMachinePolicyTriggersWaitForNothing() {
    CompiledWorkflow compiled = compile(TemplateGeneratorTest.passing(Json.object().put("a", 1)).triggers(
        EventRule.named("Rule").schedule("rate(1 day)"), Schedule.named("Timer").expression("rate(1 day)")));

    assertThat(problems(compiled)).isEmpty();
    JsonNode resources = template(compiled).path("Resources");
    assertThat(resources.has("StateMachinePolicy")).isFalse();
    assertThat(resources.at("/Rule/DependsOn").isMissingNode()).isTrue();
    assertThat(resources.at("/Timer/DependsOn").isMissingNode()).isTrue();
    assertThat(resources.at("/Rule/Properties/Targets/0").has("Input")).isFalse();
    assertThat(resources.at("/Timer/Properties/Target").has("Input")).isFalse();
  }
}
