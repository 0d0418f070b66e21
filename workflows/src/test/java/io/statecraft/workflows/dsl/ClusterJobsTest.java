package io.statecraft.workflows.dsl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.statecraft.generator.workflow.CompiledWorkflow;
import io.statecraft.generator.workflow.OutputFile;
import io.statecraft.generator.workflow.WorkflowCompiler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * EMR, EMR on EKS, API Gateway and a queue given by URL in one workflow: the role it gets, statement
 * by statement, and its template and definition through the checkers Statecraft did not write.
 */
final class ClusterJobsTest {

  private static final String STATEMENTS = "/Resources/StateMachineRole/Properties/Policies/0/PolicyDocument/Statement";

  @Test
  void theRoleHasExactlyWhatEachIntegrationNeeds() {
    CompiledWorkflow compiled = WorkflowCompiler.compile(new ClusterJobs());
    assertThat(RecipesTest.problems(new ClusterJobs())).isEmpty();
    JsonNode template = RecipesTest.json(compiled.files().get(OutputFile.TEMPLATE_JSON));
    assertThat(template.at(STATEMENTS)).isEqualTo(RecipesTest.json(EXPECTED_STATEMENTS));
  }

  // Each integration's own statements, merged by resource; the EMR cluster is created at run time, so its
  // calls are on cluster/* of the stack's account; the queue's region and account come from its URL.
  static final String EXPECTED_STATEMENTS = """
      [{"Effect": "Allow", "Action": ["elasticmapreduce:AddJobFlowSteps", "elasticmapreduce:CancelSteps", "elasticmapreduce:DescribeCluster", "elasticmapreduce:DescribeStep", "elasticmapreduce:TerminateJobFlows"], "Resource": [{"Fn::Sub": "arn:${AWS::Partition}:elasticmapreduce:${AWS::Region}:${AWS::AccountId}:cluster/*"}]},
       {"Effect": "Allow", "Action": ["emr-containers:StartJobRun"], "Resource": [{"Fn::Sub": "arn:${AWS::Partition}:emr-containers:${AWS::Region}:${AWS::AccountId}:/virtualclusters/${VirtualClusterId}"}], "Condition": {"StringEquals": {"emr-containers:ExecutionRoleArn": [{"Fn::Sub": "${JobRoleArn}"}]}}},
       {"Effect": "Allow", "Action": ["emr-containers:CancelJobRun", "emr-containers:DescribeJobRun"], "Resource": [{"Fn::Sub": "arn:${AWS::Partition}:emr-containers:${AWS::Region}:${AWS::AccountId}:/virtualclusters/${VirtualClusterId}/jobruns/*"}]},
       {"Effect": "Allow", "Action": ["events:DescribeRule", "events:PutRule", "events:PutTargets"], "Resource": [{"Fn::Sub": "arn:${AWS::Partition}:events:${AWS::Region}:${AWS::AccountId}:rule/StepFunctionsGetEventForEMRAddJobFlowStepsRule"}, {"Fn::Sub": "arn:${AWS::Partition}:events:${AWS::Region}:${AWS::AccountId}:rule/StepFunctionsGetEventForEMRRunJobFlowRule"}, {"Fn::Sub": "arn:${AWS::Partition}:events:${AWS::Region}:${AWS::AccountId}:rule/StepFunctionsGetEventForEMRTerminateJobFlowsRule"}]},
       {"Effect": "Allow", "Action": ["execute-api:Invoke"], "Resource": [{"Fn::Sub": ["arn:${AWS::Partition}:execute-api:${ReportsApiEndpointPart2}:${AWS::AccountId}:${ReportsApiEndpointPart0}/prod/POST/reports", {"ReportsApiEndpointPart2": {"Fn::Select": [2, {"Fn::Split": [".", {"Ref": "ReportsApiEndpoint"}]}]}, "ReportsApiEndpointPart0": {"Fn::Select": [0, {"Fn::Split": [".", {"Ref": "ReportsApiEndpoint"}]}]}}]}]},
       {"Effect": "Allow", "Action": ["iam:PassRole"], "Resource": [{"Fn::Sub": "arn:${AWS::Partition}:iam::${AWS::AccountId}:role/EMR_DefaultRole"}, {"Fn::Sub": "arn:${AWS::Partition}:iam::${AWS::AccountId}:role/EMR_EC2_DefaultRole"}]},
       {"Effect": "Allow", "Action": ["sqs:SendMessage"], "Resource": [{"Fn::Sub": ["arn:${AWS::Partition}:sqs:${DoneQueueUrlPart1}:${DoneQueueUrlPart3}:${DoneQueueUrlPart4}", {"DoneQueueUrlPart1": {"Fn::Select": [1, {"Fn::Split": [".", {"Ref": "DoneQueueUrl"}]}]}, "DoneQueueUrlPart3": {"Fn::Select": [3, {"Fn::Split": ["/", {"Ref": "DoneQueueUrl"}]}]}, "DoneQueueUrlPart4": {"Fn::Select": [4, {"Fn::Split": ["/", {"Ref": "DoneQueueUrl"}]}]}}]}]},
       {"Sid": "ElasticmapreduceRunJobFlow", "Effect": "Allow", "Action": ["elasticmapreduce:RunJobFlow"], "Resource": ["*"]},
       {"Sid": "CloudWatchLogsDelivery", "Effect": "Allow", "Action": ["logs:CreateLogDelivery", "logs:DeleteLogDelivery", "logs:DescribeLogGroups", "logs:DescribeResourcePolicies", "logs:GetLogDelivery", "logs:ListLogDeliveries", "logs:PutResourcePolicy", "logs:UpdateLogDelivery"], "Resource": ["*"]},
       {"Sid": "XRayTracing", "Effect": "Allow", "Action": ["xray:GetSamplingRules", "xray:GetSamplingTargets", "xray:PutTelemetryRecords", "xray:PutTraceSegments"], "Resource": ["*"]}]""";

  @Test
  void itPassesCfnLintAndTheAslValidators() throws Exception {
    Path tools = Path.of(System.getProperty("statecraft.sharedDir", "../../shared"), "tools");
    assumeTrue(Files.isExecutable(tools.resolve("cfn-check")) && Files.isExecutable(tools.resolve("asl-check")),
        "skipped: the external checkers are not installed");
    Path out = Path.of("target", "dsl-recipes", "cluster-jobs");
    WorkflowCompiler.compile(new ClusterJobs()).writeTo(out, EnumSet.allOf(OutputFile.class));

    String cfn = RecipesTest.run(List.of(tools.resolve("cfn-check").toString(), out.resolve("template.yaml").toString(),
        out.resolve("template.json").toString()));
    assertThat(cfn.lines().filter(line -> line.contains(": OK (0 crit, 0 warn, 0 info")).count()).as(cfn).isEqualTo(2);
    String asl = RecipesTest.run(List.of(tools.resolve("asl-check").toString(), "--subst-dummy", "--statelint-lenient",
        out.resolve("definition.asl.json").toString()));
    assertThat(asl.lines().filter(line -> line.contains("definition.asl.json"))).as(asl).singleElement()
        .satisfies(line -> assertThat(line).contains("asl-validator=ok\tstatelint=ok"));
  }
}
