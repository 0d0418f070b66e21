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
  void eventsThatCannotStartTheStateMachineAreRetriedForADayThenKeptInAQueueOnlyTheRuleMaySendTo() {
    Expect.sameJson(Templates.resource(template, "CredentialsRiskRule").at("/Properties/Targets/0"), """
        {"Id": "StateMachine", "Arn": {"Ref": "StateMachine"}, "RoleArn": {"Fn::GetAtt": ["CredentialsRiskRuleRole", "Arn"]},
         "RetryPolicy": {"MaximumEventAgeInSeconds": 86400, "MaximumRetryAttempts": 185},
         "DeadLetterConfig": {"Arn": {"Fn::GetAtt": ["CredentialsRiskRuleDeadLetterQueue", "Arn"]}}}""");
    Expect.sameJson(Templates.resource(template, "CredentialsRiskRuleDeadLetterQueue"), """
        {"Type": "AWS::SQS::Queue", "Properties": {"MessageRetentionPeriod": 1209600, "SqsManagedSseEnabled": true}}""");
    Expect.sameJson(Templates.resource(template, "CredentialsRiskRuleDeadLetterQueuePolicy").path("Properties"), """
        {"Queues": [{"Ref": "CredentialsRiskRuleDeadLetterQueue"}],
         "PolicyDocument": {"Version": "2012-10-17", "Statement": [{"Sid": "DeadLetters", "Effect": "Allow",
           "Principal": {"Service": "events.amazonaws.com"}, "Action": "sqs:SendMessage",
           "Resource": {"Fn::GetAtt": ["CredentialsRiskRuleDeadLetterQueue", "Arn"]},
           "Condition": {"ArnEquals": {"aws:SourceArn": {"Fn::GetAtt": ["CredentialsRiskRule", "Arn"]}}}}]}}""");
    Expect.sameJson(template.at("/Outputs/DeadLetterQueueUrl"), """
        {"Description": "Health events that could not start the state machine; watch it",
         "Value": {"Ref": "CredentialsRiskRuleDeadLetterQueue"}}""");
  }

  @Test
  void topicIsEncryptedAndSubscribed() {
    Expect.sameJson(Templates.resource(template, "AlertTopic").path("Properties"), """
        {"KmsMasterKeyId": "alias/aws/sns", "Subscription": [{"Protocol": "email", "Endpoint": {"Ref": "AlertEmail"}}]}""");
  }
}
