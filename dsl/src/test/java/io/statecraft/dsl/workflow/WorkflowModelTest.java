package io.statecraft.dsl.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.statecraft.dsl.IamStatement;
import io.statecraft.dsl.Json;
import io.statecraft.dsl.Pass;
import io.statecraft.dsl.Placeholder;
import io.statecraft.dsl.StateMachine;
import io.statecraft.dsl.Value;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkflowModelTest {

  @Test
  void aParameterStandsInTheDefinitionAsAPlaceholderOfItsKind() {
    assertThat(Parameter.string("Format").ref()).isEqualTo(new Placeholder("Format", Placeholder.Kind.STRING));
    assertThat(Parameter.number("Limit").ref()).isEqualTo(new Placeholder("Limit", Placeholder.Kind.NUMBER));
    assertThat(Parameter.commaDelimitedList("Groups").ref()).isEqualTo(new Placeholder("Groups", Placeholder.Kind.LIST));
    assertThat(Parameter.aws("Ids", "List<AWS::EC2::Instance::Id>").ref().kind()).isEqualTo(Placeholder.Kind.LIST);
    assertThat(Parameter.aws("Id", "AWS::EC2::Instance::Id").ref().kind()).isEqualTo(Placeholder.Kind.STRING);
    assertThat(Parameter.of("Names", ParameterType.ssm("List<String>")).ref().kind()).isEqualTo(Placeholder.Kind.LIST);
    assertThat(ParameterType.ssm("String").name()).isEqualTo("AWS::SSM::Parameter::Value<String>");
    assertThatThrownBy(() -> ParameterType.aws("EC2::Instance::Id"))
        .hasMessage("an AWS-specific parameter type starts with AWS:: or List<AWS::: EC2::Instance::Id");
  }

  @Test
  void aParameterKeepsItsSettings() {
    Parameter limit = Parameter.number("Limit").description("How many").label("Limit").minValue(1).maxValue(10)
        .allowedValues(1, 5, 10).defaultValue(5).constraintDescription("1, 5 or 10");

    assertThat(limit.defaultValue()).isEqualTo("5");
    assertThat(limit.allowedValues()).containsExactly("1", "5", "10");
    assertThat(limit.minValue()).isEqualByComparingTo("1");
    assertThat(limit.maxValue()).isEqualByComparingTo("10");
    assertThat(Parameter.commaDelimitedList("Groups").defaultValue(List.of("a", "b")).defaultValue()).isEqualTo("a,b");
    assertThat(Parameter.string("Secret").noEcho().isNoEcho()).isTrue();
  }

  @Test
  void anHttpConnectionGrantsWhatTheHttpTaskNeeds() {
    HttpConnection api = HttpConnection.named("Api").apiKey("x-api-key", Parameter.string("Key").noEcho());

    assertThat(api.arn()).isEqualTo(Placeholder.string("ApiArn"));
    assertThat(api.templateArn()).isEqualTo(new TemplateValue.Attribute("Api", "Arn"));
    assertThat(api.iamStatementsForInvoke(Parameter.string("Url").ref(), "POST")).containsExactly(
        new IamStatement(List.of("states:InvokeHTTPEndpoint"), List.of("${StateMachine}"),
            Map.of("StringEquals", Map.of("states:HTTPEndpoint", List.of("${Url}"), "states:HTTPMethod", List.of("POST"))),
            null),
        IamStatement.allow("events:RetrieveConnectionCredentials", "${Api.Arn}"),
        IamStatement.allow(List.of("secretsmanager:DescribeSecret", "secretsmanager:GetSecretValue"),
            List.of("${Api.SecretArn}")));
    assertThat(api.iamStatementsForInvoke("https://api.example.com/*", "GET", "POST").get(0).conditions()).isEqualTo(Map.of(
        "StringLike", Map.of("states:HTTPEndpoint", List.of("https://api.example.com/*")),
        "StringEquals", Map.of("states:HTTPMethod", List.of("GET", "POST"))));
    assertThatThrownBy(() -> api.iamStatementsForInvoke("https://api.example.com"))
        .hasMessage("name the HTTP methods the task uses, such as POST");
  }

  @Test
  void anExistingConnectionIsGrantedThroughItsParameters() {
    HttpConnection existing = HttpConnection.existing(Parameter.string("ConnectionArn"), Parameter.string("ConnectionSecretArn"));

    assertThat(existing.arn()).isEqualTo(Placeholder.string("ConnectionArn"));
    assertThat(existing.iamStatementsForInvoke("https://x.example", "GET").subList(1, 3)).containsExactly(
        IamStatement.allow("events:RetrieveConnectionCredentials", "${ConnectionArn}"),
        IamStatement.allow(List.of("secretsmanager:DescribeSecret", "secretsmanager:GetSecretValue"),
            List.of("${ConnectionSecretArn}")));
  }

  @Test
  void topicsAndFunctionsGrantPublishingAndInvoking() {
    assertThat(SnsTopic.named("Alerts").publishStatements()).containsExactly(IamStatement.allow("sns:Publish", "${Alerts}"));
    assertThat(SnsTopic.named("Alerts").kmsKey(TemplateValue.of("alias/aws/sns")).publishStatements())
        .containsExactly(IamStatement.allow("sns:Publish", "${Alerts}"));
    assertThat(SnsTopic.named("Alerts").kmsKey(Parameter.string("KeyArn")).publishStatements()).containsExactly(
        IamStatement.allow("sns:Publish", "${Alerts}"),
        IamStatement.allow(List.of("kms:Decrypt", "kms:GenerateDataKey"), List.of("${KeyArn}")));
    SnsTopic existing = SnsTopic.existing(Parameter.string("TopicArn"));
    assertThat(existing.arn()).isEqualTo(Placeholder.string("TopicArn"));
    assertThat(existing.publishStatements()).containsExactly(IamStatement.allow("sns:Publish", "${TopicArn}"));

    assertThat(LambdaFunction.named("Work").arn()).isEqualTo(Placeholder.string("WorkArn"));
    assertThat(LambdaFunction.named("Work").invokeStatement())
        .isEqualTo(IamStatement.allow(List.of("lambda:InvokeFunction"), List.of("${Work.Arn}", "${Work.Arn}:*")));
    assertThat(LambdaFunction.existing(Parameter.string("FunctionArn")).invokeStatement()).isEqualTo(
        IamStatement.allow(List.of("lambda:InvokeFunction"), List.of("${FunctionArn}", "${FunctionArn}:*")));
  }

  @Test
  void aSpecHasSafeDefaultsAndKeepsWhatItIsGiven() {
    Parameter shown = Parameter.string("Shown");
    Schedule schedule = Schedule.named("Daily").expression("rate(1 day)");
    SnsTopic topic = SnsTopic.named("Alerts");
    WorkflowSpec defaults = WorkflowSpec.builder(StateMachine.startWith(Pass.named("A"))).build();

    assertThat(defaults.type()).isEqualTo(WorkflowType.STANDARD);
    assertThat(defaults.logLevel()).isEqualTo(LogLevel.ERROR);
    assertThat(defaults.includeExecutionData()).isFalse();
    assertThat(defaults.tracing()).isTrue();
    assertThat(defaults.name()).isNull();
    assertThat(defaults.parameters()).isEmpty();

    WorkflowSpec spec = WorkflowSpec.builder(StateMachine.startWith(Pass.named("A")))
        .parameterGroup("Group", shown).parameters(shown).resources(topic).triggers(schedule).build();
    assertThat(spec.parameters()).containsExactly(shown);
    assertThat(spec.parameterGroups()).containsExactly(ParameterGroup.of("Group", shown));
    assertThat(spec.resources()).containsExactly(topic, schedule);
    assertThat(spec.triggers()).containsExactly(schedule);
  }

  @Test
  void triggersShareOneCopyOfTheirOptionsAndKeepTheirTypeWhenChained() {
    Value input = Json.object().put("a", 1).build();
    Schedule schedule = Schedule.named("Daily").description("daily").expression("rate(1 day)").input(input)
        .state(TemplateValue.of("DISABLED")).retryPolicy(3, 900).deadLetterQueue().timeZone("Etc/UTC");
    EventRule rule = EventRule.named("OnEvent").description("on event").input(input).retryPolicy(0, 60).schedule("rate(1 hour)");
    MaintenanceWindow window = MaintenanceWindow.named("Window").description("window").taskInput(input).priority(2);

    for (Trigger trigger : List.<Trigger>of(schedule, rule, window)) {
      assertThat(trigger.input()).isSameAs(input);
    }
    assertThat(List.of(schedule.description(), rule.description(), window.description()))
        .containsExactly("daily", "on event", "window");
    assertThat(window.taskInput()).isSameAs(input);
    assertThat(schedule.state()).isEqualTo(TemplateValue.of("DISABLED"));
    assertThat(schedule.retryPolicy()).isEqualTo(new TargetRetryPolicy(3, 900));
    assertThat(schedule.hasDeadLetterQueue()).isTrue();
    assertThat(schedule.deadLetterQueueUrl()).isEqualTo(new TemplateValue.Attribute("DailyDeadLetterQueue", null));
    assertThat(schedule.deadLetterQueueArn()).isEqualTo(new TemplateValue.Attribute("DailyDeadLetterQueue", "Arn"));
    assertThat(rule.retryPolicy()).isEqualTo(new TargetRetryPolicy(0, 60));
    assertThat(rule.hasDeadLetterQueue()).isFalse();
    assertThat(rule.state()).isNull();
  }

  @Test
  void aRulePassesEitherAFixedInputOrTheTransformedEvent() {
    Value input = Json.object().put("a", 1).build();
    EventRule transformed = EventRule.named("R").input(input).inputTransformer(Map.of("t", "$.time"), "<t>");
    EventRule fixed = EventRule.named("R").inputTransformer(Map.of("t", "$.time"), "<t>").input(input);

    assertThat(transformed.input()).isNull();
    assertThat(transformed.inputPaths()).isEqualTo(Map.of("t", "$.time"));
    assertThat(fixed.input()).isSameAs(input);
    assertThat(fixed.inputPaths()).isNull();
    assertThat(fixed.inputTemplate()).isNull();
  }
}
