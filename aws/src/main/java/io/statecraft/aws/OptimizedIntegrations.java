package io.statecraft.aws;

import io.statecraft.dsl.IamStatement;
import io.statecraft.dsl.IntegrationPattern;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The catalogue of Step Functions' optimized integrations that {@link AwsSdk#optimized} builds from
 * an SDK request: for each, the resource ARN, the integration patterns the service supports, what
 * the {@code .sync} patterns must also be granted, and the prefix of the error names it raises.
 * One table, documented in {@code docs/integrations.md}; a test covers every row.
 *
 * <p>The call's own action and resources come from the Service Authorization Reference, as for
 * every SDK call ({@link SdkPermissions}); the rows add what AWS's "IAM policies for integrated
 * services" pages add for {@code .sync}: the describe and stop actions Step Functions polls with,
 * and the managed EventBridge rule it listens on
 * (https://docs.aws.amazon.com/step-functions/latest/dg/service-integration-iam-templates.html).
 * Lambda ({@link LambdaInvoke}), HTTPS endpoints ({@link HttpInvoke}), activities ({@link Activity}) and
 * the Step Functions APIs that are no SDK request ({@link EmrCluster}, {@link EksCluster},
 * {@link ApiGatewayInvoke}, {@link BedrockInvokeModel}) have classes of their own. A row whose AWS page
 * writes no statements ({@link CallResources#GIVEN_BY_AUTHOR}) grants only what the author gives.
 */
public final class OptimizedIntegrations {

  private static final IntegrationPattern RR = IntegrationPattern.REQUEST_RESPONSE;
  private static final IntegrationPattern SYNC = IntegrationPattern.RUN_JOB;
  private static final IntegrationPattern SYNC2 = IntegrationPattern.RUN_JOB_JSON;
  private static final IntegrationPattern TOKEN = IntegrationPattern.WAIT_FOR_TASK_TOKEN;

  /** Where the extra {@code .sync} actions apply. */
  public enum SyncResources {
    /** The resources the call itself is granted on (the job, project or queue it names). */
    SAME_AS_CALL,
    /** The executions of the child state machine that StartExecution names. */
    CHILD_EXECUTIONS,
    /** Any resource: the id is known only once the job exists; {@link Integration#syncReason} says why. */
    ANY,
    /**
     * The job runs under the resources the call is granted on: each followed by {@code /jobruns/*}
     * (EMR Serverless' application, EMR on EKS' virtual cluster).
     */
    JOB_RUNS_OF_CALL,
    /** The statement {@link Integration#listedSync} as AWS's page writes it (its resources and condition). */
    LISTED
  }

  /** What the call's own statement is granted on. */
  public enum CallResources {
    /** The resources the Service Authorization Reference names for the action, read from the request. */
    SERVICE_AUTHORIZATION,
    /** EventBridge PutEvents: each entry's bus, {@code default} when an entry names none. */
    EVENT_BUSES,
    /**
     * Bedrock CreateModelCustomizationJob, as the Step Functions page writes it: the base model
     * ({@code BaseModelIdentifier}; a custom model is covered by {@code custom-model/*}), every custom
     * model and every customization job of the stack's account and region (their ARNs carry ids
     * that Bedrock assigns).
     */
    BEDROCK_MODEL_CUSTOMIZATION,
    /**
     * EMR on EKS StartJobRun, as the Step Functions page writes it: the virtual cluster the Service
     * Authorization Reference names, only for the job's own role ({@code emr-containers:ExecutionRoleArn}
     * is the request's {@code ExecutionRoleArn}); EMR on EKS takes no {@code iam:PassRole}.
     */
    EMR_CONTAINERS_EXECUTION_ROLE,
    /**
     * None that Statecraft could take from AWS: the "IAM policies for integrated services" page of the
     * service writes no statements for this call (EKS' Fargate profile calls, eks-iam.html), so the
     * author gives every statement with {@link OptimizedCall#permissions}, for each pattern used, and
     * the build fails until they do. Nothing is derived and no wildcard is guessed.
     */
    GIVEN_BY_AUTHOR
  }

  /**
   * One optimized integration.
   *
   * @param operation the SDK operation it takes, {@code service:action} as {@link SdkOperation#toString()}
   *     writes it ({@code sfn:startExecution})
   * @param resourceName the name in {@code arn:aws:states:::<resourceName>} ({@code states:startExecution})
   * @param patterns the integration patterns the service supports
   * @param errorPrefix the prefix of the error names a failed call raises ({@code StepFunctions})
   * @param syncActions what {@code .sync} adds besides the call's own action; empty without {@code .sync}
   * @param syncResources where {@link #syncActions} apply
   * @param syncReason why {@link SyncResources#ANY}, for {@code Statecraft::IamWildcards}; empty otherwise
   * @param rule the managed EventBridge rule {@code .sync} listens on, or empty where Step Functions polls
   * @param page the Step Functions developer guide page this row is taken from
   * @param alsoGranted what AWS's policy grants on every pattern besides the call's own action
   *     (Athena's {@code athena:GetDataCatalog}, SageMaker's {@code sagemaker:ListTags}); empty for most
   * @param passRoles the request members naming the roles the service assumes ({@code RoleArn}), granted
   *     {@code iam:PassRole} to {@link #passedToService} only; empty when the call passes no role
   * @param passedToService the service principal of {@code iam:PassedToService} ({@code sagemaker.amazonaws.com}),
   *     or empty for no condition where AWS's page writes none and the roles go to several services (EMR)
   * @param callResources what the call's own statement is granted on
   * @param listedSync what {@code .sync} adds when {@link #syncResources} is {@link SyncResources#LISTED}; null otherwise
   */
  public record Integration(String operation, String resourceName, Set<IntegrationPattern> patterns,
      String errorPrefix, List<String> syncActions, SyncResources syncResources, String syncReason, String rule,
      String page, List<IamStatement> alsoGranted, List<String> passRoles, String passedToService,
      CallResources callResources, IamStatement listedSync) {

    /** Copies the collections and checks that the required parts are there. */
    public Integration {
      Objects.requireNonNull(operation, "operation == null");
      Objects.requireNonNull(resourceName, "resourceName == null");
      patterns = Set.copyOf(patterns);
      syncActions = List.copyOf(syncActions);
      alsoGranted = List.copyOf(alsoGranted);
      passRoles = List.copyOf(passRoles);
      Objects.requireNonNull(passedToService, "passedToService == null");
      if (passRoles.isEmpty() && !passedToService.isEmpty()) {
        throw new IllegalArgumentException(operation + ": passedToService needs the members that pass a role");
      }
      Objects.requireNonNull(callResources, "callResources == null");
      if ((syncResources == SyncResources.LISTED) != (listedSync != null)) {
        throw new IllegalArgumentException(operation + ": listedSync is given exactly when syncResources is LISTED");
      }
    }

    /** A row that grants nothing besides the call's own action and what {@code .sync} adds. */
    public Integration(String operation, String resourceName, Set<IntegrationPattern> patterns, String errorPrefix,
        List<String> syncActions, SyncResources syncResources, String syncReason, String rule, String page) {
      this(operation, resourceName, patterns, errorPrefix, syncActions, syncResources, syncReason, rule, page,
          List.of(), List.of(), "", CallResources.SERVICE_AUTHORIZATION, null);
    }

    /** A row whose {@code .sync} adds exactly {@code sync}, as AWS's page writes it. */
    Integration(String operation, String resourceName, Set<IntegrationPattern> patterns, String errorPrefix,
        IamStatement sync, String rule, String page) {
      this(operation, resourceName, patterns, errorPrefix, sync.actions(), SyncResources.LISTED, "", rule, page,
          List.of(), List.of(), "", CallResources.SERVICE_AUTHORIZATION, sync);
    }

    /** A copy that also grants these statements on every pattern. */
    Integration alsoGranting(IamStatement... statements) {
      return new Integration(operation, resourceName, patterns, errorPrefix, syncActions, syncResources, syncReason,
          rule, page, List.of(statements), passRoles, passedToService, callResources, listedSync);
    }

    /** A copy that grants {@code iam:PassRole} on the role in {@code member}, passed to {@code service} only. */
    Integration passingRole(String member, String service) {
      return passingRoles(service, member);
    }

    /** A copy that grants {@code iam:PassRole} on the roles these members name, passed to {@code service} only. */
    Integration passingRoles(String service, String... members) {
      return new Integration(operation, resourceName, patterns, errorPrefix, syncActions, syncResources, syncReason,
          rule, page, alsoGranted, List.of(members), service, callResources, listedSync);
    }

    /** A copy whose own statement is granted on {@code resources} rather than what the request names. */
    Integration grantedOn(CallResources resources) {
      return new Integration(operation, resourceName, patterns, errorPrefix, syncActions, syncResources, syncReason,
          rule, page, alsoGranted, passRoles, passedToService, resources, listedSync);
    }

    /** The resource ARN for a pattern: {@code arn:aws:states:::states:startExecution.sync:2}. */
    public String resource(IntegrationPattern pattern) {
      return "arn:aws:states:::" + resourceName + pattern.suffix();
    }

    /**
     * The AWS page that names the errors this integration raises, or empty where AWS documents none:
     * the prefix is then the one the older SDK's service name gives (as the documented DynamoDB
     * prefix is), taken from execution histories and emulators, not from AWS, and a retrier that must
     * fire is safer on {@code States.TaskFailed} or {@code States.ALL}.
     */
    public Optional<String> errorNamesPage() {
      return Optional.ofNullable(ERROR_NAMES_DOCUMENTED.get(errorPrefix));
    }

    /** The error name a failed call raises for an exception: {@code DynamoDB.ConditionalCheckFailedException}. */
    public String error(String exceptionName) {
      return errorPrefix + "." + exceptionName;
    }
  }

  private static final String GUIDE = "https://docs.aws.amazon.com/step-functions/latest/dg/";

  /**
   * The error prefixes an AWS page spells out, with that page. Checked against the Step Functions
   * developer guide's service pages: only DynamoDB ("Exception prefix differences"), EventBridge
   * ({@code EventBridge.FailedEntry}) and EKS ({@code EKS.401}) name their errors; the SNS, SQS, ECS and Step Functions pages
   * do not, nor do those of the services added since.
   */
  private static final Map<String, String> ERROR_NAMES_DOCUMENTED = Map.of(
      "DynamoDB", GUIDE + "connect-ddb.html",
      "EventBridge", GUIDE + "connect-eventbridge.html",
      // "If your IAM role does not have sufficient permissions in Kubernetes, ... fail with ... EKS.401".
      "EKS", GUIDE + "connect-eks.html");

  private static final String DATA_CATALOGS = "arn:${AWS::Partition}:athena:${AWS::Region}:${AWS::AccountId}:datacatalog/*";
  private static final String SAGEMAKER = "sagemaker.amazonaws.com";
  private static final String BEDROCK_CUSTOMIZATION_JOBS =
      "arn:${AWS::Partition}:bedrock:${AWS::Region}:${AWS::AccountId}:model-customization-job/*";
  private static final String MEDIACONVERT_JOBS = "arn:${AWS::Partition}:mediaconvert:${AWS::Region}:${AWS::AccountId}:jobs/*";
  private static final String EKS = "arn:${AWS::Partition}:eks:${AWS::Region}:${AWS::AccountId}:";
  private static final String EMR_CLUSTERS =
      "arn:${AWS::Partition}:elasticmapreduce:${AWS::Region}:${AWS::AccountId}:cluster/*";
  // The role CreateVirtualCluster may create on first use; the Step Functions page spells it
  // "AnAWSServiceRoleForAmazonEMRContainers", EMR on EKS names it AWSServiceRoleForAmazonEMRContainers
  // (https://docs.aws.amazon.com/emr/latest/EMR-on-EKS-DevelopmentGuide/using-service-linked-roles.html).
  private static final IamStatement EMR_CONTAINERS_SERVICE_LINKED_ROLE =
      serviceLinkedRole("emr-containers.amazonaws.com", "AWSServiceRoleForAmazonEMRContainers");
  private static final String EMR_SERVERLESS_APPLICATIONS =
      "arn:${AWS::Partition}:emr-serverless:${AWS::Region}:${AWS::AccountId}:/applications/*";
  // The role CreateApplication may create on first use, as connect-emr-serverless.html grants it.
  private static final IamStatement EMR_SERVERLESS_SERVICE_LINKED_ROLE =
      serviceLinkedRole("ops.emr-serverless.amazonaws.com", "AWSServiceRoleForAmazonEMRServerless*");
  private static final IamStatement SAGEMAKER_LIST_TAGS = IamStatement.allowOnAnyResource(List.of("sagemaker:ListTags"),
      "the policy AWS generates for the optimized SageMaker integration grants sagemaker:ListTags on * for every "
          + "pattern (https://docs.aws.amazon.com/step-functions/latest/dg/sagemaker-iam.html)");

  private static final List<Integration> ALL = List.of(
      requestResponse("sns:publish", "sns:publish", "SNS", EnumSet.of(RR, TOKEN), "connect-sns.html"),
      requestResponse("sqs:sendMessage", "sqs:sendMessage", "SQS", EnumSet.of(RR, TOKEN), "connect-sqs.html"),
      // Only the four item calls are optimized; Query, Scan, the batch and transaction calls are
      // AWS SDK integrations (aws-sdk:dynamodb:query), per connect-ddb.html.
      requestResponse("dynamodb:getItem", "dynamodb:getItem", "DynamoDB", EnumSet.of(RR), "connect-ddb.html"),
      requestResponse("dynamodb:putItem", "dynamodb:putItem", "DynamoDB", EnumSet.of(RR), "connect-ddb.html"),
      requestResponse("dynamodb:updateItem", "dynamodb:updateItem", "DynamoDB", EnumSet.of(RR), "connect-ddb.html"),
      requestResponse("dynamodb:deleteItem", "dynamodb:deleteItem", "DynamoDB", EnumSet.of(RR), "connect-ddb.html"),
      requestResponse("eventbridge:putEvents", "events:putEvents", "EventBridge", EnumSet.of(RR, TOKEN),
          "connect-eventbridge.html").grantedOn(CallResources.EVENT_BUSES),
      new Integration("sfn:startExecution", "states:startExecution", EnumSet.of(RR, SYNC, SYNC2, TOKEN),
          "StepFunctions", List.of("states:DescribeExecution", "states:StopExecution"), SyncResources.CHILD_EXECUTIONS,
          "", "StepFunctionsGetEventsForStepFunctionsExecutionRule", GUIDE + "stepfunctions-iam.html"),
      new Integration("ecs:runTask", "ecs:runTask", EnumSet.of(RR, SYNC, TOKEN), "ECS",
          List.of("ecs:StopTask", "ecs:DescribeTasks"), SyncResources.ANY,
          "the ECS task's id is known only once RunTask has started it", "StepFunctionsGetEventsForECSTaskRule",
          GUIDE + "ecs-iam.html"),
      new Integration("batch:submitJob", "batch:submitJob", EnumSet.of(RR, SYNC), "Batch",
          List.of("batch:DescribeJobs", "batch:TerminateJob"), SyncResources.ANY,
          "the Batch job's id is known only once SubmitJob has created it, and batch:DescribeJobs supports no "
              + "resource-level permissions", "StepFunctionsGetEventsForBatchJobsRule", GUIDE + "batch-iam.html"),
      // Glue's .sync polls the job run (no EventBridge rule); the Service Authorization Reference
      // scopes all four actions to the job, so they share the call's resource.
      new Integration("glue:startJobRun", "glue:startJobRun", EnumSet.of(RR, SYNC), "Glue",
          List.of("glue:GetJobRun", "glue:GetJobRuns", "glue:BatchStopJobRun"), SyncResources.SAME_AS_CALL, "", "",
          GUIDE + "glue-iam.html"),
      new Integration("codebuild:startBuild", "codebuild:startBuild", EnumSet.of(RR, SYNC), "CodeBuild",
          List.of("codebuild:StopBuild", "codebuild:BatchGetBuilds"), SyncResources.SAME_AS_CALL, "",
          "StepFunctionsGetEventForCodeBuildStartBuildRule", GUIDE + "codebuild-iam.html"),
      requestResponse("codebuild:stopBuild", "codebuild:stopBuild", "CodeBuild", EnumSet.of(RR), "connect-codebuild.html"),
      requestResponse("codebuild:batchDeleteBuilds", "codebuild:batchDeleteBuilds", "CodeBuild", EnumSet.of(RR),
          "connect-codebuild.html"),
      requestResponse("codebuild:batchGetReports", "codebuild:batchGetReports", "CodeBuild", EnumSet.of(RR),
          "connect-codebuild.html"),
      requestResponse("codebuild:stopBuildBatch", "codebuild:stopBuildBatch", "CodeBuild", EnumSet.of(RR),
          "connect-codebuild.html"),
      requestResponse("codebuild:deleteBuildBatch", "codebuild:deleteBuildBatch", "CodeBuild", EnumSet.of(RR),
          "connect-codebuild.html"),
      // Batch builds: .sync stops and reads the batch on the project and listens on a rule of its own
      // (codebuild-iam.html#codebuild-iam-startbuildbatch). The IAM page has no RetryBuildBatch section;
      // a retried batch is the same batch build, followed the same way.
      new Integration("codebuild:startBuildBatch", "codebuild:startBuildBatch", EnumSet.of(RR, SYNC), "CodeBuild",
          List.of("codebuild:StopBuildBatch", "codebuild:BatchGetBuildBatches"), SyncResources.SAME_AS_CALL, "",
          "StepFunctionsGetEventForCodeBuildStartBuildBatchRule", GUIDE + "codebuild-iam.html"),
      new Integration("codebuild:retryBuildBatch", "codebuild:retryBuildBatch", EnumSet.of(RR, SYNC), "CodeBuild",
          List.of("codebuild:StopBuildBatch", "codebuild:BatchGetBuildBatches"), SyncResources.SAME_AS_CALL, "",
          "StepFunctionsGetEventForCodeBuildStartBuildBatchRule", GUIDE + "connect-codebuild.html"),
      // Athena's .sync polls the query (AWS's policy has no rule). Every pattern of StartQueryExecution
      // also reads the data catalog. What the query itself reads and writes (its S3 locations, Glue
      // tables, Lake Formation) is the query's, not the call's: AWS's page grants it on every bucket
      // and table, which Statecraft does not; give it with permissions(...).
      new Integration("athena:startQueryExecution", "athena:startQueryExecution", EnumSet.of(RR, SYNC), "Athena",
          List.of("athena:StopQueryExecution", "athena:GetQueryExecution"), SyncResources.SAME_AS_CALL, "", "",
          GUIDE + "athena-iam.html").alsoGranting(IamStatement.allow("athena:GetDataCatalog", DATA_CATALOGS)),
      requestResponse("athena:stopQueryExecution", "athena:stopQueryExecution", "Athena", EnumSet.of(RR),
          "connect-athena.html"),
      requestResponse("athena:getQueryExecution", "athena:getQueryExecution", "Athena", EnumSet.of(RR),
          "connect-athena.html"),
      requestResponse("athena:getQueryResults", "athena:getQueryResults", "Athena", EnumSet.of(RR),
          "connect-athena.html"),
      // SageMaker: .sync listens on one managed rule per kind of job, and the role the job runs as is
      // passed to sagemaker.amazonaws.com only. No .waitForTaskToken (connect-sagemaker.html).
      sageMakerJob("sagemaker:createTrainingJob", "TrainingJob", "RoleArn"),
      sageMakerJob("sagemaker:createTransformJob", "TransformJob", ""),
      sageMakerJob("sagemaker:createProcessingJob", "ProcessingJob", "RoleArn"),
      requestResponse("sagemaker:createModel", "sagemaker:createModel", "SageMaker", EnumSet.of(RR), "sagemaker-iam.html")
          .alsoGranting(SAGEMAKER_LIST_TAGS).passingRole("ExecutionRoleArn", SAGEMAKER),
      // Bedrock: the same fields as the API; .sync polls the job (AWS's policy has no rule). The page
      // grants the call on the base model, custom-model/* and model-customization-job/*, and polls and
      // stops on model-customization-job/* (the job's ARN carries an id Bedrock assigns).
      // InvokeModel takes fields of its own (Body as JSON, Input/Output S3Uri): BedrockInvokeModel.
      new Integration("bedrock:createModelCustomizationJob", "bedrock:createModelCustomizationJob",
          EnumSet.of(RR, SYNC), "Bedrock", IamStatement.allow(
              List.of("bedrock:GetModelCustomizationJob", "bedrock:StopModelCustomizationJob"),
              List.of(BEDROCK_CUSTOMIZATION_JOBS)), "", GUIDE + "connect-bedrock.html")
          .grantedOn(CallResources.BEDROCK_MODEL_CUSTOMIZATION).passingRole("RoleArn", "bedrock.amazonaws.com"),
      // EMR Serverless' startJobRun takes StartJobRun's fields unchanged (connect-emr-serverless.html,
      // unlike its application calls); .sync polls and cancels the application's job runs and listens
      // on a managed rule; the job's execution role is passed to EMR Serverless only.
      new Integration("emrserverless:startJobRun", "emr-serverless:startJobRun", EnumSet.of(RR, SYNC),
          "EmrServerless", List.of("emr-serverless:GetJobRun", "emr-serverless:CancelJobRun"),
          SyncResources.JOB_RUNS_OF_CALL, "", "StepFunctionsGetEventsForEMRServerlessJobRule",
          GUIDE + "connect-emr-serverless.html").passingRole("ExecutionRoleArn", "emr-serverless.amazonaws.com"),
      // EMR Serverless' application calls and cancelJobRun take the API's requests unchanged; start, stop
      // and delete answer {"ApplicationId": ...} where the API answers nothing (connect-emr-serverless.html,
      // "EMR Serverless service integration APIs"). Their grants are the page's "IAM policies for calling
      // Amazon EMR Serverless": createApplication may create the service-linked role on every pattern,
      // and its .sync reads (and on stop deletes) the new application; start, stop and delete poll the
      // application (start also stops it when the task is stopped), cancelJobRun polls the job run.
      // CreateApplication supports no resource-level permission in the Service Authorization Reference,
      // so it is granted on * with that reason (the page writes arn:...:/*).
      new Integration("emrserverless:createApplication", "emr-serverless:createApplication", EnumSet.of(RR, SYNC),
          "EmrServerless", IamStatement.allow(List.of("emr-serverless:GetApplication", "emr-serverless:DeleteApplication"),
              List.of(EMR_SERVERLESS_APPLICATIONS)), "StepFunctionsGetEventsForEMRServerlessApplicationRule",
          GUIDE + "connect-emr-serverless.html").alsoGranting(EMR_SERVERLESS_SERVICE_LINKED_ROLE),
      emrServerlessApplication("emrserverless:startApplication", "emr-serverless:GetApplication",
          "emr-serverless:StopApplication"),
      emrServerlessApplication("emrserverless:stopApplication", "emr-serverless:GetApplication"),
      emrServerlessApplication("emrserverless:deleteApplication", "emr-serverless:GetApplication"),
      new Integration("emrserverless:cancelJobRun", "emr-serverless:cancelJobRun", EnumSet.of(RR, SYNC), "EmrServerless",
          List.of("emr-serverless:GetJobRun"), SyncResources.SAME_AS_CALL, "",
          "StepFunctionsGetEventsForEMRServerlessJobRule", GUIDE + "connect-emr-serverless.html"),
      // EMR on EKS takes the API's fields unchanged (connect-emr-eks.html) and has no callback. Its
      // .sync polls (AWS's policies name no rule): DescribeVirtualCluster on the cluster being deleted,
      // DescribeJobRun and CancelJobRun on the virtual cluster's job runs (emr-eks-iam.html).
      requestResponse("emrcontainers:createVirtualCluster", "emr-containers:createVirtualCluster", "EmrContainers",
          EnumSet.of(RR), "emr-eks-iam.html").alsoGranting(EMR_CONTAINERS_SERVICE_LINKED_ROLE),
      new Integration("emrcontainers:deleteVirtualCluster", "emr-containers:deleteVirtualCluster", EnumSet.of(RR, SYNC),
          "EmrContainers", List.of("emr-containers:DescribeVirtualCluster"), SyncResources.SAME_AS_CALL, "", "",
          GUIDE + "emr-eks-iam.html"),
      new Integration("emrcontainers:startJobRun", "emr-containers:startJobRun", EnumSet.of(RR, SYNC), "EmrContainers",
          List.of("emr-containers:DescribeJobRun", "emr-containers:CancelJobRun"), SyncResources.JOB_RUNS_OF_CALL, "", "",
          GUIDE + "emr-eks-iam.html").grantedOn(CallResources.EMR_CONTAINERS_EXECUTION_ROLE),
      // EMR's createCluster takes RunJobFlow's request (connect-emr.html: without Steps, and with
      // Instances.KeepJobFlowAliveWhenNoSteps true) and answers ClusterId. RunJobFlow supports no
      // resource-level permission; .sync describes the new cluster and terminates it when the task
      // is stopped (its id is assigned by EMR), and listens on a rule (emr-iam.html). The service,
      // instance and auto-scaling roles are passed as the page writes it, without iam:PassedToService:
      // they go to EMR, EC2 and Application Auto Scaling.
      new Integration("emr:runJobFlow", "elasticmapreduce:createCluster", EnumSet.of(RR, SYNC), "EMR",
          IamStatement.allow(List.of("elasticmapreduce:DescribeCluster", "elasticmapreduce:TerminateJobFlows"),
              List.of(EMR_CLUSTERS)), "StepFunctionsGetEventForEMRRunJobFlowRule", GUIDE + "emr-iam.html")
          .passingRoles("", "ServiceRole", "JobFlowRole", "AutoScalingRole"),
      // EKS' cluster and node group calls take the API's fields and all wait with .sync; none has a
      // callback (connect-eks.html). AWS's policies (eks-iam.html): CreateCluster passes the cluster
      // role to EKS and .sync describes (and on stop deletes) the new cluster; CreateNodegroup also
      // reads the subnets and the node role, and passes the node role to EKS.
      new Integration("eks:createCluster", "eks:createCluster", EnumSet.of(RR, SYNC), "EKS",
          IamStatement.allow(List.of("eks:DescribeCluster", "eks:DeleteCluster"), List.of(EKS + "cluster/*")), "",
          GUIDE + "eks-iam.html").passingRole("RoleArn", "eks.amazonaws.com"),
      new Integration("eks:deleteCluster", "eks:deleteCluster", EnumSet.of(RR, SYNC), "EKS",
          List.of("eks:DescribeCluster"), SyncResources.SAME_AS_CALL, "", "", GUIDE + "eks-iam.html"),
      new Integration("eks:createNodegroup", "eks:createNodegroup", EnumSet.of(RR, SYNC), "EKS",
          IamStatement.allow(List.of("eks:DescribeNodegroup", "eks:DeleteNodegroup"), List.of(EKS + "nodegroup/*")), "",
          GUIDE + "eks-iam.html").alsoGranting(
              IamStatement.allowOnAnyResource(List.of("ec2:DescribeSubnets"), "ec2:DescribeSubnets supports no "
                  + "resource-level permissions (AWS Service Authorization Reference); AWS's policy for the optimized "
                  + "EKS CreateNodegroup grants it (https://docs.aws.amazon.com/step-functions/latest/dg/eks-iam.html)"),
              IamStatement.allow(List.of("iam:GetRole", "iam:ListAttachedRolePolicies"),
                  List.of("arn:${AWS::Partition}:iam::${AWS::AccountId}:role/*")))
          .passingRole("NodeRole", "eks.amazonaws.com"),
      new Integration("eks:deleteNodegroup", "eks:deleteNodegroup", EnumSet.of(RR, SYNC), "EKS",
          List.of("eks:DescribeNodegroup"), SyncResources.SAME_AS_CALL, "", "", GUIDE + "eks-iam.html"),
      // EKS' Fargate profile calls take the API's fields and wait with .sync (connect-eks.html shows
      // createFargateProfile.sync and deleteFargateProfile.sync). AWS's "IAM policies for Amazon EKS"
      // (eks-iam.html) writes no statements for them: connect-eks.html says only, in prose, that the
      // role must pass the pod execution role to EKS and may need iam:CreateServiceLinkedRole. What
      // .sync polls with is not written anywhere, so every statement is the author's.
      fargateProfile("eks:createFargateProfile"),
      fargateProfile("eks:deleteFargateProfile"),
      // MediaConvert: CreateJob on queues/*, jobTemplates/*, presets/* (the Service Authorization
      // Reference and AWS's page agree); .sync gets and cancels only the jobs Step Functions tagged
      // ManagedByService: AWSStepFunctions.
      new Integration("mediaconvert:createJob", "mediaconvert:createJob", EnumSet.of(RR, SYNC), "MediaConvert",
          IamStatement.allow(List.of("mediaconvert:GetJob", "mediaconvert:CancelJob"), List.of(MEDIACONVERT_JOBS))
              .withCondition("StringEquals", "aws:ResourceTag/ManagedByService", List.of("AWSStepFunctions")),
          "StepFunctionsGetEventsForMediaConvertJobRule", GUIDE + "connect-mediaconvert.html")
          .passingRole("Role", "mediaconvert.amazonaws.com"),
      // Glue DataBrew: .sync lists and stops the job's runs (Step Functions polls; no rule). The request
      // names the job by Name, which the ARN format does not name, so job/* as AWS's page writes it.
      new Integration("databrew:startJobRun", "databrew:startJobRun", EnumSet.of(RR, SYNC), "DataBrew",
          List.of("databrew:ListJobRuns", "databrew:StopJobRun"), SyncResources.SAME_AS_CALL, "", "",
          GUIDE + "connect-databrew.html"));

  private static final Map<String, Integration> BY_OPERATION = index();

  private OptimizedIntegrations() {}

  /**
   * {@code iam:CreateServiceLinkedRole} for the role {@code roleName} that the service
   * {@code servicePrincipal} creates on first use, and for that service only.
   */
  private static IamStatement serviceLinkedRole(String servicePrincipal, String roleName) {
    return IamStatement.allow("iam:CreateServiceLinkedRole",
            "arn:${AWS::Partition}:iam::${AWS::AccountId}:role/aws-service-role/" + servicePrincipal + "/" + roleName)
        .withCondition("StringLike", "iam:AWSServiceName", List.of(servicePrincipal));
  }

  private static Integration requestResponse(String operation, String resourceName, String errorPrefix,
      Set<IntegrationPattern> patterns, String page) {
    return new Integration(operation, resourceName, patterns, errorPrefix, List.of(), SyncResources.SAME_AS_CALL, "",
        "", GUIDE + page);
  }

  private static Integration emrServerlessApplication(String operation, String... syncActions) {
    return new Integration(operation, operation.replace("emrserverless:", "emr-serverless:"), EnumSet.of(RR, SYNC),
        "EmrServerless", List.of(syncActions), SyncResources.SAME_AS_CALL, "",
        "StepFunctionsGetEventsForEMRServerlessApplicationRule", GUIDE + "connect-emr-serverless.html");
  }

  private static Integration fargateProfile(String operation) {
    return new Integration(operation, operation, EnumSet.of(RR, SYNC), "EKS", List.of(), SyncResources.SAME_AS_CALL,
        "", "", GUIDE + "connect-eks.html").grantedOn(CallResources.GIVEN_BY_AUTHOR);
  }

  // CreateTrainingJob: .sync adds DescribeTrainingJob and StopTrainingJob on the job and listens on
  // StepFunctionsGetEventsForSageMakerTrainingJobsRule; likewise transform and processing jobs.
  private static Integration sageMakerJob(String operation, String job, String roleMember) {
    Integration row = new Integration(operation, operation, EnumSet.of(RR, SYNC), "SageMaker",
        List.of("sagemaker:Describe" + job, "sagemaker:Stop" + job), SyncResources.SAME_AS_CALL, "",
        "StepFunctionsGetEventsForSageMaker" + job + "sRule", GUIDE + "sagemaker-iam.html")
        .alsoGranting(SAGEMAKER_LIST_TAGS);
    return roleMember.isEmpty() ? row : row.passingRole(roleMember, SAGEMAKER);
  }

  private static Map<String, Integration> index() {
    Map<String, Integration> byOperation = new LinkedHashMap<>();
    for (Integration integration : ALL) {
      if (byOperation.put(integration.operation(), integration) != null) {
        throw new IllegalStateException("two rows for " + integration.operation());
      }
    }
    return Map.copyOf(byOperation);
  }

  /** Every row, sorted by operation. */
  public static List<Integration> all() {
    return ALL.stream().sorted(Comparator.comparing(Integration::operation)).toList();
  }

  /** The row for an SDK operation ({@code sfn:startExecution}), if it has an optimized integration. */
  public static Optional<Integration> forOperation(String operation) {
    return Optional.ofNullable(BY_OPERATION.get(operation));
  }
}
