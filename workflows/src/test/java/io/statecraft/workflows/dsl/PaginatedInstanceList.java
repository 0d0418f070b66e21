package io.statecraft.workflows.dsl;

import io.statecraft.aws.AwsSdk;
import io.statecraft.aws.SdkCall;
import io.statecraft.aws.SdkErrors;
import io.statecraft.dsl.Choice;
import io.statecraft.dsl.Condition;
import io.statecraft.dsl.Json;
import io.statecraft.dsl.Jsonata;
import io.statecraft.dsl.Pass;
import io.statecraft.dsl.QueryLanguage;
import io.statecraft.dsl.Retry;
import io.statecraft.dsl.StateMachine;
import io.statecraft.dsl.Task;
import io.statecraft.dsl.workflow.Workflow;
import io.statecraft.dsl.workflow.WorkflowSpec;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesResponse;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.Reservation;

/**
 * Recipe of docs/dsl.md, an SDK pagination loop: calls DescribeInstances page by page, following
 * {@code NextToken}, and collects the instance ids of every page in a variable.
 */
public final class PaginatedInstanceList implements Workflow {

  @Override
  public String id() {
    return "paginated-instance-list";
  }

  @Override
  public WorkflowSpec spec() {
    SdkCall firstPage = AwsSdk.call(DescribeInstancesRequest.builder().maxResults(100).build());
    SdkCall nextPage = AwsSdk.call(DescribeInstancesRequest.builder().maxResults(100)
        .nextToken(AwsSdk.text(Jsonata.of("$nextToken"))).build());

    Task first = page("FirstPage", firstPage, "[]");
    Task next = page("NextPage", nextPage, "$ids");
    Choice more = Choice.named("MorePages")
        .when(Condition.jsonata("$nextToken != null"), next)
        .otherwise(Pass.named("Report").output(Jsonata.of("{'instanceIds': $ids, 'count': $count($ids)}")));
    first.next(more);
    next.next(more);

    return WorkflowSpec.builder(StateMachine.startWith(first).queryLanguage(QueryLanguage.JSONATA))
        .description("Lists the ids of all EC2 instances, page by page")
        .build();
  }

  /** One page: appends its instance ids to {@code $ids} and keeps the next page's token (null on the last). */
  private static Task page(String name, SdkCall call, String idsSoFar) {
    Jsonata pageIds = call.result(DescribeInstancesResponse.class)
        .each(DescribeInstancesResponse::reservations)
        .each(Reservation::instances)
        .get(Instance::instanceId)
        .jsonata();                              // $states.result.Reservations.Instances.InstanceId[]
    return Task.named(name).call(call)
        .assign(Json.object()
            .put("ids", Jsonata.of("$append(" + idsSoFar + ", " + pageIds.text() + ")"))
            .put("nextToken", Jsonata.of("$exists($states.result.NextToken) ? $states.result.NextToken : null"))
            .build())
        .retry(Retry.on(SdkErrors.Ec2.SERVICE).intervalSeconds(2).maxAttempts(3).backoffRate(2));
  }
}
