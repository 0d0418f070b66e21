package io.statecraft.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.statecraft.dsl.IamStatement;
import io.statecraft.dsl.Path;
import io.statecraft.dsl.Placeholder;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.sfn.model.StartExecutionRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

/**
 * Resources known only at deploy time, by a URL or ARN parameter, are granted exactly: the name is
 * taken from the deployed value with Fn::Select/Fn::Split (written as IamStatement.part).
 */
class ExactGrantsTest {

  private static final String RULE = "arn:${AWS::Partition}:events:${AWS::Region}:${AWS::AccountId}:rule/";

  @Test
  void aQueueGivenByAUrlParameterIsGrantedInTheRegionAndAccountTheUrlNames() {
    OptimizedCall send = AwsSdk.optimized(SendMessageRequest.builder()
        .queueUrl(AwsSdk.text(Placeholder.string("JobsQueueUrl"))).messageBody("hi").build());

    assertThat(send.iamStatements()).containsExactly(IamStatement.allow("sqs:SendMessage",
        "arn:${AWS::Partition}:sqs:${Select(1,Split(.,JobsQueueUrl))}:${Select(3,Split(/,JobsQueueUrl))}:"
            + "${Select(4,Split(/,JobsQueueUrl))}"));
  }

  @Test
  void aTableGivenByItsArnIsGrantedThatArnInWhateverAccountAndRegion() {
    // DynamoDB takes a table's ARN as TableName; a placeholder named ...Arn holds one (a resource's arn()).
    OptimizedCall put = AwsSdk.optimized(PutItemRequest.builder()
        .tableName(AwsSdk.text(Placeholder.string("ReservationsArn"))).build());
    OptimizedCall byName = AwsSdk.optimized(PutItemRequest.builder()
        .tableName(AwsSdk.text(Placeholder.string("ReservationsName"))).build());

    assertThat(put.iamStatements()).containsExactly(IamStatement.allow("dynamodb:PutItem", "${ReservationsArn}"));
    // A name is read by DynamoDB in the workflow's own account and region, so that is where it is granted.
    assertThat(byName.iamStatements()).containsExactly(IamStatement.allow("dynamodb:PutItem",
        "arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/${ReservationsName}"));
  }

  @Test
  void aQueueChosenAtRunTimeStaysAWildcardInTheStacksAccount() {
    OptimizedCall send = AwsSdk.optimized(SendMessageRequest.builder()
        .queueUrl(AwsSdk.text(Path.input().field("queue"))).messageBody("hi").build());

    assertThat(send.iamStatements()).containsExactly(IamStatement.allow("sqs:SendMessage",
        "arn:${AWS::Partition}:sqs:${AWS::Region}:${AWS::AccountId}:*"));
  }

  @Test
  void aSyncChildGivenByAnArnParameterIsFollowedOnItsOwnExecutionsOnly() {
    OptimizedCall start = AwsSdk.optimized(StartExecutionRequest.builder()
        .stateMachineArn(AwsSdk.text(Placeholder.string("ChildArn"))).build()).sync();

    assertThat(start.iamStatements()).containsExactly(
        IamStatement.allow("states:StartExecution", "${ChildArn}"),
        IamStatement.allow(List.of("states:DescribeExecution", "states:StopExecution"), List.of(
            "arn:${Select(1,Split(:,ChildArn))}:states:${Select(3,Split(:,ChildArn))}:${Select(4,Split(:,ChildArn))}"
                + ":execution:${Select(6,Split(:,ChildArn))}:*")),
        IamStatement.allow(List.of("events:PutTargets", "events:PutRule", "events:DescribeRule"),
            List.of(RULE + "StepFunctionsGetEventsForStepFunctionsExecutionRule")));
  }
}
