package io.statecraft.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** What the exposed-access-key template deploys: the rule, the topic and the roles. */
class ExposedAccessKeyTemplateTest {

  final JsonNode template = Templates.template(new ExposedAccessKey());

  @Test
  void ruleMatchesTheFiveRiskCodes() {
    Expect.sameJson(Templates.resource(template, "CredentialsRiskRule").at("/Properties/EventPattern"), """
        {"source": ["aws.health"], "detail-type": ["AWS Health Event"],
         "detail": {"service": ["RISK"], "eventTypeCategory": ["issue"],
                    "eventTypeCode": ["AWS_RISK_CREDENTIALS_EXPOSED", "AWS_RISK_CREDENTIALS_EXPOSURE_SUSPECTED",
                                      "AWS_RISK_CREDENTIALS_COMPROMISED", "AWS_RISK_CREDENTIALS_COMPROMISE_SUSPECTED",
                                      "AWS_RISK_IAM_QUARANTINE"]}}""");
  }

  @Test
  void roleGrantsOnlyWhatTheStatesCall() {
    assertThat(Templates.actions(template, "StateMachineRole")).filteredOn(action -> !action.startsWith("logs:")
        && !action.startsWith("xray:")).containsExactly(
        "cloudtrail:LookupEvents", "iam:DeleteAccessKey", "iam:GetAccessKeyLastUsed", "iam:UpdateAccessKey", "sns:Publish");
    for (String action : new String[] {"iam:DeleteAccessKey", "iam:GetAccessKeyLastUsed", "iam:UpdateAccessKey"}) {
      Expect.sameJson(Templates.statementFor(template, "StateMachineRole", action).path("Resource"),
          "[{\"Fn::Sub\": \"arn:${AWS::Partition}:iam::${AWS::AccountId}:user/*\"}]");
    }
    Expect.sameJson(Templates.statementFor(template, "StateMachineRole", "sns:Publish").path("Resource"),
        "[{\"Fn::Sub\": \"${AlertTopic}\"}]");
    Expect.sameJson(Templates.resource(template, "StateMachineRole").at("/Properties/AssumeRolePolicyDocument/Statement/0"), """
        {"Effect": "Allow", "Principal": {"Service": "states.amazonaws.com"}, "Action": "sts:AssumeRole",
         "Condition": {"StringEquals": {"aws:SourceAccount": {"Ref": "AWS::AccountId"}},
                       "ArnLike": {"aws:SourceArn": {"Fn::Sub": "arn:${AWS::Partition}:states:${AWS::Region}:${AWS::AccountId}:stateMachine:*"}}}}""");
    assertThat(Templates.actions(template, "CredentialsRiskRuleRole")).containsExactly("states:StartExecution");
    Expect.sameJson(Templates.statementFor(template, "CredentialsRiskRuleRole", "states:StartExecution").path("Resource"),
        "[{\"Fn::Sub\": \"${StateMachine}\"}]");
    ReferenceWorkflowsTest.assertWildcardsOnlyWithReasons(template);
  }

  @Test
  void topicIsEncryptedAndSubscribed() {
    Expect.sameJson(Templates.resource(template, "AlertTopic").path("Properties"), """
        {"KmsMasterKeyId": "alias/aws/sns", "Subscription": [{"Protocol": "email", "Endpoint": {"Ref": "AlertEmail"}}]}""");
  }
}
