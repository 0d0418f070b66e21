package io.statecraft.workflows.dsl;

import io.statecraft.aws.AwsSdk;
import io.statecraft.dsl.Catch;
import io.statecraft.dsl.Choice;
import io.statecraft.dsl.Condition;
import io.statecraft.dsl.Errors;
import io.statecraft.dsl.Fail;
import io.statecraft.dsl.IamStatement;
import io.statecraft.dsl.Json;
import io.statecraft.dsl.Jsonata;
import io.statecraft.dsl.QueryLanguage;
import io.statecraft.dsl.StateMachine;
import io.statecraft.dsl.Succeed;
import io.statecraft.dsl.Task;
import io.statecraft.dsl.workflow.Parameter;
import io.statecraft.dsl.workflow.SnsTopic;
import io.statecraft.dsl.workflow.SqsQueue;
import io.statecraft.dsl.workflow.Workflow;
import io.statecraft.dsl.workflow.WorkflowSpec;
import software.amazon.awssdk.services.sns.model.PublishRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

/**
 * Recipe of docs/dsl.md, a callback: puts an approval request with the task token on a queue and
 * waits until a worker answers with SendTaskSuccess or SendTaskFailure. The worker sends a
 * heartbeat every few minutes while a person looks at it; without heartbeats for an hour the
 * request is escalated, and after a day it expires.
 */
public final class ApprovalCallback implements Workflow {

  @Override
  public String id() {
    return "approval-callback";
  }

  @Override
  public WorkflowSpec spec() {
    SqsQueue approvals = SqsQueue.existing(Parameter.string("ApprovalQueueArn"));
    SnsTopic escalations = SnsTopic.named("Escalations");

    Task askForApproval = Task.named("AskForApproval")
        .call(AwsSdk.optimized(SendMessageRequest.builder().queueUrl(AwsSdk.text(approvals.url())).build())
            .with("MessageBody", Json.object()
                .put("taskToken", Jsonata.of("$states.context.Task.Token"))
                .put("change", Jsonata.of("$states.input.change"))
                .build())
            .waitForTaskToken()
            .permissions(approvals.sendStatements().toArray(IamStatement[]::new)))
        .heartbeatSeconds(3600)                  // no SendTaskHeartbeat for an hour: States.HeartbeatTimeout
        .timeoutSeconds(86400)                   // no answer within a day: States.Timeout
        .assign("approval", Jsonata.of("$states.result"));

    Task escalate = Task.named("Escalate")
        .call(AwsSdk.optimized(PublishRequest.builder().topicArn(AwsSdk.text(escalations.arn())).build())
            .with("Message", Json.object()
                .put("change", Jsonata.of("$states.input.change"))
                .put("reason", Jsonata.of("$states.input.error.Error"))
                .build())
            .permissions(escalations.publishStatements().toArray(IamStatement[]::new)));
    askForApproval.catchErrors(Catch.on(Errors.HEARTBEAT_TIMEOUT, Errors.TIMEOUT)
        .output(Jsonata.of("$merge([$states.input, {'error': $states.errorOutput}])")), escalate);
    escalate.next(Fail.named("NotApproved").error("Approval.Expired").cause("nobody answered the approval request"));

    askForApproval.next(Choice.named("Approved")
        .when(Condition.jsonata("$approval.approved = true"), Succeed.named("Go"))
        .otherwise(Fail.named("Rejected").error("Approval.Rejected").cause("the change was rejected")));

    return WorkflowSpec.builder(StateMachine.startWith(askForApproval).queryLanguage(QueryLanguage.JSONATA))
        .description("Asks a person to approve a change through a queue and waits for the answer")
        .resources(approvals, escalations)
        .build();
  }
}
