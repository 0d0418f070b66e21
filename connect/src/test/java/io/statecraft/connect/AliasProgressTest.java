package io.statecraft.connect;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.model.RoutingConfigurationListItem;

/** How {@link AliasProgress} reads a template, words a routing and finds an alarm in a reason. */
final class AliasProgressTest {

  private static final String MACHINE = "arn:aws:states:eu-west-1:111122223333:stateMachine:StateMachine-abc";

  @Test
  void findsTheGraduallyDeployedAliasesAndTheirAlarmNamesAsFarAsTheyAreKnown() throws Exception {
    var template = new ObjectMapper().readTree("""
        {"Resources": {
          "Pinned": {"Type": "AWS::StepFunctions::StateMachineAlias", "Properties": {"Name": "pinned",
            "RoutingConfiguration": [{"StateMachineVersionArn": {"Ref": "Version"}, "Weight": 100}]}},
          "StateMachineAlias": {"Type": "AWS::StepFunctions::StateMachineAlias", "Properties": {"Name": "live",
            "DeploymentPreference": {"StateMachineVersionArn": {"Ref": "Version"}, "Type": "LINEAR",
              "Percentage": 20, "Interval": 10,
              "Alarms": ["ExecutionsFailed", {"Ref": "CanaryAlarmName"}, {"Ref": "Unknown"}]}}},
          "Unnamed": {"Type": "AWS::StepFunctions::StateMachineAlias", "Properties": {"Name": {"Ref": "AliasName"},
            "DeploymentPreference": {"StateMachineVersionArn": {"Ref": "Version"}, "Type": "ALL_AT_ONCE"}}},
          "Topic": {"Type": "AWS::SNS::Topic"}}}""");

    assertThat(AliasProgress.in(template, Map.of("CanaryAlarmName", "LatencyHigh"))).containsExactly(
        new AliasProgress.GradualAlias("StateMachineAlias", "live", "LINEAR", List.of("ExecutionsFailed", "LatencyHigh")),
        new AliasProgress.GradualAlias("Unnamed", "Unnamed", "ALL_AT_ONCE", List.of()));
  }

  @Test
  void aRoutingNamesTheNewestVersionFirst() {
    assertThat(AliasProgress.routing(List.of(route(3, 90), route(4, 10)))).isEqualTo("10% to version 4, 90% to version 3");
    assertThat(AliasProgress.routing(List.of(route(12, 100)))).isEqualTo("100% to version 12");
    // A version ARN that does not end with a number is shown as it is.
    assertThat(AliasProgress.routing(List.of(RoutingConfigurationListItem.builder()
        .stateMachineVersionArn("odd").weight(100).build()))).isEqualTo("100% to odd");
  }

  @Test
  void anAlarmIsFoundByItsNameAsAWholeWordTheLongestFirst() {
    List<String> alarms = List.of("Errors", "Errors-High");

    assertThat(AliasProgress.alarmIn("alarm Errors-High is in state ALARM", alarms)).isEqualTo("Errors-High");
    assertThat(AliasProgress.alarmIn("rolled back because of Errors.", alarms)).isEqualTo("Errors");
    // Part of a longer word is not the alarm.
    assertThat(AliasProgress.alarmIn("SomeErrorsX fired", List.of("Errors"))).isNull();
  }

  @Test
  void anAlarmNotInTheTemplateIsFoundInQuotesOrBracketsAfterTheWordAlarm() {
    assertThat(AliasProgress.alarmIn("Alarm 'payments-5xx' went into ALARM", List.of())).isEqualTo("payments-5xx");
    assertThat(AliasProgress.alarmIn("The following alarms are in ALARM: [Latency p99, Errors]", List.of()))
        .isEqualTo("Latency p99");
    assertThat(AliasProgress.alarmIn("Deployment failed: an alarm went off", List.of())).isNull();
    assertThat(AliasProgress.alarmIn("", List.of("Errors"))).isNull();
  }

  @Test
  void aRollbackSaysItsCauseInOneLine() {
    assertThat(new AliasRollback("live", "Errors", "whatever AWS wrote").summary())
        .isEqualTo("alias live was rolled back: alarm Errors went into ALARM");
    assertThat(new AliasRollback("live", null, "Resource handler returned message: \"boom\"").summary())
        .isEqualTo("alias live was rolled back: Resource handler returned message: \"boom\"");
  }

  private static RoutingConfigurationListItem route(int version, int weight) {
    return RoutingConfigurationListItem.builder().stateMachineVersionArn(MACHINE + ":" + version).weight(weight).build();
  }
}
