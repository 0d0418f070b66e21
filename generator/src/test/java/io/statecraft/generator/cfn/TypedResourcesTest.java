package io.statecraft.generator.cfn;

import static io.statecraft.generator.cfn.TemplateGeneratorTest.compile;
import static io.statecraft.generator.cfn.TemplateGeneratorTest.json;
import static io.statecraft.generator.cfn.TemplateGeneratorTest.problems;
import static io.statecraft.generator.cfn.TemplateGeneratorTest.template;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.statecraft.dsl.IamStatement;
import io.statecraft.dsl.ItemReader;
import io.statecraft.dsl.Json;
import io.statecraft.dsl.MapState;
import io.statecraft.dsl.Pass;
import io.statecraft.dsl.ResultWriter;
import io.statecraft.dsl.Value;
import io.statecraft.dsl.StateMachine;
import io.statecraft.dsl.Task;
import io.statecraft.dsl.workflow.DynamoDbTable;
import io.statecraft.dsl.workflow.EventBus;
import io.statecraft.dsl.workflow.KmsKey;
import io.statecraft.dsl.workflow.LogLevel;
import io.statecraft.dsl.workflow.Parameter;
import io.statecraft.dsl.workflow.S3Bucket;
import io.statecraft.dsl.workflow.Schedule;
import io.statecraft.dsl.workflow.Secret;
import io.statecraft.dsl.workflow.SnsTopic;
import io.statecraft.dsl.workflow.SqsQueue;
import io.statecraft.dsl.workflow.StateMachineRef;
import io.statecraft.dsl.workflow.WorkflowResource;
import io.statecraft.dsl.workflow.WorkflowSpec;
import io.statecraft.generator.workflow.CompiledWorkflow;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each typed resource, created and existing: what the template holds and what the role is granted. */
class TypedResourcesTest {

  private static final String STATEMENTS = "/Resources/StateMachineRole/Properties/Policies/0/PolicyDocument/Statement";

  private static CompiledWorkflow using(Json.ObjectBuilder parameters, List<IamStatement> grants,
      WorkflowResource... resources) {
    Task task = Task.named("Use").resource("arn:aws:states:::aws-sdk:sqs:sendMessage").parameters(parameters)
        .permissions(grants.toArray(IamStatement[]::new));
    return compile(WorkflowSpec.builder(StateMachine.startWith(task)).tracing(false).logging(LogLevel.OFF, false)
        .resources(resources));
  }

  @SafeVarargs
  private static List<IamStatement> all(List<IamStatement>... lists) {
    List<IamStatement> all = new ArrayList<>();
    for (List<IamStatement> list : lists) {
      all.addAll(list);
    }
    return all;
  }

  @Test
  void aCreatedQueueIsEncryptedAndSendsWithItsKeysGrants() {
    KmsKey key = KmsKey.named("QueueKey");
    SqsQueue queue = SqsQueue.named("Jobs").fifo().kmsKey(key);

    CompiledWorkflow compiled = using(Json.object().put("QueueUrl", queue.url()).put("Arn", queue.arn()),
        queue.sendStatements(), key, queue);

    assertThat(problems(compiled)).isEmpty();
    JsonNode template = template(compiled);
    assertThat(template.at("/Resources/Jobs")).isEqualTo(json("""
        {"Type": "AWS::SQS::Queue", "Properties": {"FifoQueue": true, "KmsMasterKeyId": {"Fn::GetAtt": ["QueueKey", "Arn"]}}}"""));
    assertThat(template.at("/Resources/QueueKey")).isEqualTo(json("""
        {"Type": "AWS::KMS::Key", "Properties": {"Description": {"Fn::Sub": "${AWS::StackName} QueueKey"},
          "EnableKeyRotation": true, "KeyPolicy": {"Version": "2012-10-17", "Statement": [{"Sid": "EnableIamPolicies",
            "Effect": "Allow", "Principal": {"AWS": {"Fn::Sub": "arn:${AWS::Partition}:iam::${AWS::AccountId}:root"}},
            "Action": "kms:*", "Resource": "*"}]}}}"""));
    assertThat(template.at("/Resources/StateMachine/Properties/DefinitionSubstitutions")).isEqualTo(json("""
        {"JobsArn": {"Fn::GetAtt": ["Jobs", "Arn"]}, "JobsUrl": {"Ref": "Jobs"}}"""));
    assertThat(template.at(STATEMENTS)).isEqualTo(json("""
        [{"Effect": "Allow", "Action": ["sqs:SendMessage"], "Resource": [{"Fn::Sub": "${Jobs.Arn}"}]},
         {"Effect": "Allow", "Action": ["kms:Decrypt", "kms:GenerateDataKey"], "Resource": [{"Fn::Sub": "${QueueKey.Arn}"}]}]"""));
    assertThat(IamWildcardsTest.unexplainedWildcards(template)).isEmpty();
    assertThat(template.at("/Metadata/Statecraft::IamWildcards")).isEqualTo(json("""
        {"QueueKey": {"EnableIamPolicies": "in a key policy, * is this key; the statement is AWS's default key policy, which lets this account's IAM policies (such as the execution role's) grant its use"}}"""));
  }

  @Test
  void anExistingQueuesUrlIsBuiltFromItsArn() {
    Parameter arn = Parameter.string("JobsQueueArn");
    SqsQueue queue = SqsQueue.existing(arn).kmsKey(KmsKey.existing(Parameter.string("JobsKeyArn")));

    CompiledWorkflow compiled = using(Json.object().put("QueueUrl", queue.url()), queue.sendStatements(), queue);

    assertThat(problems(compiled)).isEmpty();
    JsonNode template = template(compiled);
    assertThat(template.at("/Resources").has("JobsQueueArn")).isFalse();
    assertThat(template.at("/Resources/StateMachine/Properties/DefinitionSubstitutions")).isEqualTo(json("""
        {"JobsQueueUrl": {"Fn::Sub": ["https://sqs.${Region}.${AWS::URLSuffix}/${Account}/${Name}", {
          "Region": {"Fn::Select": [3, {"Fn::Split": [":", {"Ref": "JobsQueueArn"}]}]},
          "Account": {"Fn::Select": [4, {"Fn::Split": [":", {"Ref": "JobsQueueArn"}]}]},
          "Name": {"Fn::Select": [5, {"Fn::Split": [":", {"Ref": "JobsQueueArn"}]}]}}]}}"""));
    assertThat(template.at(STATEMENTS)).isEqualTo(json("""
        [{"Effect": "Allow", "Action": ["kms:Decrypt", "kms:GenerateDataKey"], "Resource": [{"Fn::Sub": "${JobsKeyArn}"}]},
         {"Effect": "Allow", "Action": ["sqs:SendMessage"], "Resource": [{"Fn::Sub": "${JobsQueueArn}"}]}]"""));
    assertThat(template.at("/Parameters").fieldNames()).toIterable().containsExactly("JobsQueueArn", "JobsKeyArn");
  }

  @Test
  void tablesAreCreatedOnDemandOrNamedFromTheirArn() {
    DynamoDbTable orders = DynamoDbTable.named("Orders").key("OrderId", "S").key("Version", "N");
    DynamoDbTable customers = DynamoDbTable.existing(Parameter.string("CustomersArn"));

    CompiledWorkflow compiled = using(Json.object().put("Orders", orders.name()).put("Customers", customers.name()),
        all(orders.writeStatements(), customers.readStatements()), orders, customers);

    assertThat(problems(compiled)).isEmpty();
    JsonNode template = template(compiled);
    assertThat(template.at("/Resources/Orders")).isEqualTo(json("""
        {"Type": "AWS::DynamoDB::Table", "Properties": {"BillingMode": "PAY_PER_REQUEST",
          "AttributeDefinitions": [{"AttributeName": "OrderId", "AttributeType": "S"}, {"AttributeName": "Version", "AttributeType": "N"}],
          "KeySchema": [{"AttributeName": "OrderId", "KeyType": "HASH"}, {"AttributeName": "Version", "KeyType": "RANGE"}],
          "PointInTimeRecoverySpecification": {"PointInTimeRecoveryEnabled": true}}}"""));
    assertThat(template.at("/Resources/StateMachine/Properties/DefinitionSubstitutions")).isEqualTo(json("""
        {"CustomersName": {"Fn::Select": [1, {"Fn::Split": ["/", {"Ref": "CustomersArn"}]}]}, "OrdersName": {"Ref": "Orders"}}"""));
    assertThat(template.at(STATEMENTS)).isEqualTo(json("""
        [{"Effect": "Allow", "Action": ["dynamodb:BatchGetItem", "dynamodb:GetItem", "dynamodb:Query", "dynamodb:Scan"],
          "Resource": [{"Fn::Sub": "${CustomersArn}"}]},
         {"Effect": "Allow", "Action": ["dynamodb:BatchWriteItem", "dynamodb:DeleteItem", "dynamodb:PutItem", "dynamodb:UpdateItem"],
          "Resource": [{"Fn::Sub": "${Orders.Arn}"}]}]"""));
  }

  @Test
  void aTableWithoutKeysOrWithAWrongTypeIsReported() {
    CompiledWorkflow compiled = using(Json.object().put("A", DynamoDbTable.named("NoKeys").name()), List.of(
        IamStatement.allow("dynamodb:GetItem", "${NoKeys.Arn}")), DynamoDbTable.named("NoKeys"),
        DynamoDbTable.named("Typo").key("Id", "STRING"));

    assertThat(problems(compiled)).containsExactly(
        "ERROR INVALID_RESOURCE_PROPERTY /Resources/NoKeys/Properties/KeySchema: table NoKeys has 0 keys; give it a "
            + "partition key and at most a sort key with .key(name, type)",
        "ERROR INVALID_RESOURCE_PROPERTY /Resources/Typo/Properties/AttributeDefinitions/0/AttributeType: key Id of "
            + "table Typo has type 'STRING'; a key attribute is S (string), N (number) or B (binary)");
  }

  @Test
  void bucketsAreEncryptedAndPrivateAndGrantTheirKeyForReadAndWrite() {
    KmsKey key = KmsKey.existing(Parameter.string("DataKeyArn"));
    S3Bucket reports = S3Bucket.named("Reports").kmsKey(key);
    S3Bucket plain = S3Bucket.named("Plain");
    S3Bucket input = S3Bucket.existing(Parameter.string("InputBucketArn"));

    CompiledWorkflow compiled = using(Json.object().put("Reports", reports.name()).put("Input", input.name())
            .put("Plain", plain.name()),
        all(reports.writeStatements("out/*"), input.readStatements("in/*"), List.of(input.listStatement())),
        key, reports, plain, input);

    assertThat(problems(compiled)).isEmpty();
    JsonNode template = template(compiled);
    assertThat(template.at("/Resources/Reports")).isEqualTo(json("""
        {"Type": "AWS::S3::Bucket", "Properties": {"BucketEncryption": {"ServerSideEncryptionConfiguration": [
          {"ServerSideEncryptionByDefault": {"SSEAlgorithm": "aws:kms", "KMSMasterKeyID": {"Ref": "DataKeyArn"}},
           "BucketKeyEnabled": true}]},
          "PublicAccessBlockConfiguration": {"BlockPublicAcls": true, "BlockPublicPolicy": true,
            "IgnorePublicAcls": true, "RestrictPublicBuckets": true}}}"""));
    assertThat(template.at("/Resources/Plain/Properties/BucketEncryption")).isEqualTo(json("""
        {"ServerSideEncryptionConfiguration": [{"ServerSideEncryptionByDefault": {"SSEAlgorithm": "AES256"}}]}"""));
    assertThat(template.at("/Resources/StateMachine/Properties/DefinitionSubstitutions")).isEqualTo(json("""
        {"InputBucketName": {"Fn::Select": [5, {"Fn::Split": [":", {"Ref": "InputBucketArn"}]}]},
         "PlainName": {"Ref": "Plain"}, "ReportsName": {"Ref": "Reports"}}"""));
    assertThat(template.at(STATEMENTS)).isEqualTo(json("""
        [{"Effect": "Allow", "Action": ["kms:Decrypt", "kms:GenerateDataKey"], "Resource": [{"Fn::Sub": "${DataKeyArn}"}]},
         {"Effect": "Allow", "Action": ["s3:ListBucket"], "Resource": [{"Fn::Sub": "${InputBucketArn}"}]},
         {"Effect": "Allow", "Action": ["s3:GetObject"], "Resource": [{"Fn::Sub": "${InputBucketArn}/in/*"}]},
         {"Effect": "Allow", "Action": ["s3:PutObject"], "Resource": [{"Fn::Sub": "${Reports.Arn}/out/*"}]}]"""));
  }

  @Test
  void aChildStateMachinesExecutionsAreNamedFromItsArnParameter() {
    StateMachineRef child = StateMachineRef.existing(Parameter.string("ChildArn"));

    CompiledWorkflow compiled = using(Json.object().put("StateMachineArn", child.arn()),
        all(child.startStatements(), child.followStatements(), child.redriveStatements()), child);

    assertThat(problems(compiled)).isEmpty();
    JsonNode template = template(compiled);
    assertThat(template.at("/Resources/StateMachine/Properties/DefinitionSubstitutions")).isEqualTo(json("""
        {"ChildArn": {"Ref": "ChildArn"}}"""));
    assertThat(template.at(STATEMENTS)).isEqualTo(json("""
        [{"Effect": "Allow", "Action": ["states:StartExecution"], "Resource": [{"Fn::Sub": "${ChildArn}"}]},
         {"Effect": "Allow", "Action": ["states:DescribeExecution", "states:RedriveExecution", "states:StopExecution"], "Resource": [{"Fn::Sub": [
           "arn:${ChildArnPart1}:states:${ChildArnPart3}:${ChildArnPart4}:execution:${ChildArnPart6}:*", {
           "ChildArnPart1": {"Fn::Select": [1, {"Fn::Split": [":", {"Ref": "ChildArn"}]}]},
           "ChildArnPart3": {"Fn::Select": [3, {"Fn::Split": [":", {"Ref": "ChildArn"}]}]},
           "ChildArnPart4": {"Fn::Select": [4, {"Fn::Split": [":", {"Ref": "ChildArn"}]}]},
           "ChildArnPart6": {"Fn::Select": [6, {"Fn::Split": [":", {"Ref": "ChildArn"}]}]}}]}]}]"""));
    assertThat(template.at("/Resources").fieldNames()).toIterable().containsExactly("StateMachine", "StateMachineRole");
  }

  @Test
  void aQueueGivenOnlyByAUrlParameterIsGrantedInTheRegionAndAccountOfTheUrl() {
    Parameter url = Parameter.string("QueueUrl");
    // As AwsSdk.optimized(SendMessageRequest...queueUrl(url.ref())) declares it (SdkPermissions).
    IamStatement send = IamStatement.allow("sqs:SendMessage", "arn:${AWS::Partition}:sqs:"
        + IamStatement.part("QueueUrl", '.', 1) + ":" + IamStatement.part("QueueUrl", '/', 3) + ":"
        + IamStatement.part("QueueUrl", '/', 4));
    Task task = Task.named("Use").resource("arn:aws:states:::sqs:sendMessage")
        .parameters(Json.object().put("QueueUrl", url.ref()).put("MessageBody", "hi")).permissions(send);

    CompiledWorkflow compiled = compile(WorkflowSpec.builder(StateMachine.startWith(task)).tracing(false)
        .logging(LogLevel.OFF, false).parameters(url));

    assertThat(problems(compiled)).isEmpty();
    assertThat(template(compiled).at(STATEMENTS)).isEqualTo(json("""
        [{"Effect": "Allow", "Action": ["sqs:SendMessage"], "Resource": [{"Fn::Sub": [
          "arn:${AWS::Partition}:sqs:${QueueUrlPart1}:${QueueUrlPart3}:${QueueUrlPart4}",
          {"QueueUrlPart1": {"Fn::Select": [1, {"Fn::Split": [".", {"Ref": "QueueUrl"}]}]},
           "QueueUrlPart3": {"Fn::Select": [3, {"Fn::Split": ["/", {"Ref": "QueueUrl"}]}]},
           "QueueUrlPart4": {"Fn::Select": [4, {"Fn::Split": ["/", {"Ref": "QueueUrl"}]}]}}]}]}]"""));
  }

  @Test
  void busesAndSecretsAreCreatedOrReferenced() {
    EventBus bus = EventBus.named("Orders");
    EventBus partner = EventBus.existing(Parameter.string("PartnerBusArn"));
    KmsKey key = KmsKey.named("SecretKey");
    Secret token = Secret.named("ApiToken").kmsKey(key);
    Secret existing = Secret.existing(Parameter.string("DbSecretArn"));
    SnsTopic topic = SnsTopic.named("Alerts").kmsKey(key);

    CompiledWorkflow compiled = using(Json.object().put("Bus", bus.arn()).put("Partner", partner.arn())
            .put("Token", token.arn()).put("Db", existing.arn()).put("Topic", topic.arn()),
        all(List.of(bus.putEventsStatement(), partner.putEventsStatement()), token.readStatements(),
            existing.readStatements(), topic.publishStatements()),
        bus, partner, key, token, existing, topic);

    assertThat(problems(compiled)).isEmpty();
    JsonNode template = template(compiled);
    assertThat(template.at("/Resources/Orders")).isEqualTo(json("""
        {"Type": "AWS::Events::EventBus", "Properties": {"Name": {"Fn::Sub": "${AWS::StackName}-Orders"}}}"""));
    assertThat(template.at("/Resources/ApiToken")).isEqualTo(json("""
        {"Type": "AWS::SecretsManager::Secret", "Properties": {"GenerateSecretString": {"PasswordLength": 32},
          "KmsKeyId": {"Fn::GetAtt": ["SecretKey", "Arn"]}}}"""));
    assertThat(template.at("/Resources/Alerts/Properties")).isEqualTo(json("""
        {"KmsMasterKeyId": {"Fn::GetAtt": ["SecretKey", "Arn"]}}"""));
    assertThat(template.at("/Resources/StateMachine/Properties/DefinitionSubstitutions")).isEqualTo(json("""
        {"AlertsArn": {"Ref": "Alerts"}, "ApiTokenArn": {"Ref": "ApiToken"}, "DbSecretArn": {"Ref": "DbSecretArn"},
         "OrdersArn": {"Fn::GetAtt": ["Orders", "Arn"]}, "PartnerBusArn": {"Ref": "PartnerBusArn"}}"""));
    assertThat(template.at(STATEMENTS)).isEqualTo(json("""
        [{"Effect": "Allow", "Action": ["sns:Publish"], "Resource": [{"Fn::Sub": "${Alerts}"}]},
         {"Effect": "Allow", "Action": ["secretsmanager:GetSecretValue"], "Resource": [{"Fn::Sub": "${ApiToken}"}, {"Fn::Sub": "${DbSecretArn}"}]},
         {"Effect": "Allow", "Action": ["events:PutEvents"], "Resource": [{"Fn::Sub": "${Orders.Arn}"}, {"Fn::Sub": "${PartnerBusArn}"}]},
         {"Effect": "Allow", "Action": ["kms:Decrypt", "kms:GenerateDataKey"], "Resource": [{"Fn::Sub": "${SecretKey.Arn}"}]}]"""));
  }

  // The grants of an existing resource's derived handle (its name or URL, computed from its ARN
  // parameter) name it through an Fn::Sub variable holding the expression of its substitution.

  @Test
  void aTypedCallOnAnExistingTablesNameIsGrantedOnThatTable() {
    DynamoDbTable reservations = DynamoDbTable.existing(Parameter.string("ReservationsArn"));
    // As AwsSdk.call(GetItemRequest...tableName(reservations.name())) declares it (SdkPermissions).
    IamStatement getItem = IamStatement.allow("dynamodb:GetItem",
        "arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/${ReservationsName}");
    Task task = Task.named("Use").resource("arn:aws:states:::aws-sdk:dynamodb:getItem")
        .parameters(Json.object().put("TableName", reservations.name())).permissions(getItem);

    CompiledWorkflow compiled = compile(WorkflowSpec.builder(StateMachine.startWith(task)).tracing(false)
        .logging(LogLevel.OFF, false).resources(reservations)
        .triggers(Schedule.named("Hourly").expression("rate(1 hour)")
            .input(Json.object().put("table", reservations.name()).build())));

    assertThat(problems(compiled)).isEmpty();
    JsonNode template = template(compiled);
    assertThat(template.at("/Resources/StateMachine/Properties/DefinitionSubstitutions")).isEqualTo(json("""
        {"ReservationsName": {"Fn::Select": [1, {"Fn::Split": ["/", {"Ref": "ReservationsArn"}]}]}}"""));
    assertThat(template.at(STATEMENTS)).isEqualTo(json("""
        [{"Effect": "Allow", "Action": ["dynamodb:GetItem"], "Resource": [{"Fn::Sub": [
          "arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/${ReservationsName}",
          {"ReservationsName": {"Fn::Select": [1, {"Fn::Split": ["/", {"Ref": "ReservationsArn"}]}]}}]}]}]"""));
    assertThat(template.at("/Resources/Hourly/Properties/Target/Input")).isEqualTo(json("""
        {"Fn::Sub": ["{\\"table\\":\\"${ReservationsName}\\"}",
          {"ReservationsName": {"Fn::Select": [1, {"Fn::Split": ["/", {"Ref": "ReservationsArn"}]}]}}]}"""));
  }

  @Test
  void aDistributedMapOnAnExistingBucketIsGrantedItsObjectAndPrefix() {
    S3Bucket data = S3Bucket.existing(Parameter.string("DataBucketArn"));
    MapState rows = MapState.named("Rows").distributed(MapState.ExecutionType.STANDARD).itemProcessor(Pass.named("Row"))
        .itemReader(ItemReader.s3Object(data.name(), Value.of("in/rows.csv")).csv(ItemReader.CsvHeaderLocation.FIRST_ROW))
        .resultWriter(ResultWriter.s3(data.name(), Value.of("out/")).outputType(ResultWriter.OutputType.JSONL));

    CompiledWorkflow compiled = compile(WorkflowSpec.builder(StateMachine.startWith(rows)).tracing(false)
        .logging(LogLevel.OFF, false).resources(data));

    assertThat(problems(compiled)).isEmpty();
    JsonNode template = template(compiled);
    assertThat(template.at("/Resources/StateMachine/Properties/DefinitionSubstitutions")).isEqualTo(json("""
        {"DataBucketName": {"Fn::Select": [5, {"Fn::Split": [":", {"Ref": "DataBucketArn"}]}]}}"""));
    assertThat(template.at(STATEMENTS)).isEqualTo(json("""
        [{"Effect": "Allow", "Action": ["s3:GetObject"], "Resource": [{"Fn::Sub": [
           "arn:${AWS::Partition}:s3:::${DataBucketName}/in/rows.csv",
           {"DataBucketName": {"Fn::Select": [5, {"Fn::Split": [":", {"Ref": "DataBucketArn"}]}]}}]}]},
         {"Effect": "Allow", "Action": ["s3:AbortMultipartUpload", "s3:GetObject", "s3:ListMultipartUploadParts", "s3:PutObject"],
          "Resource": [{"Fn::Sub": [
           "arn:${AWS::Partition}:s3:::${DataBucketName}/out/*",
           {"DataBucketName": {"Fn::Select": [5, {"Fn::Split": [":", {"Ref": "DataBucketArn"}]}]}}]}]}]"""));
  }

  @Test
  void aTypedSendToAnExistingQueuesUrlIsGrantedOnTheNameInThatUrl() {
    SqsQueue jobs = SqsQueue.existing(Parameter.string("JobsQueueArn"));
    // As AwsSdk.call(SendMessageRequest...queueUrl(jobs.url())) declares it (SdkPermissions).
    IamStatement send = IamStatement.allow("sqs:SendMessage", "arn:${AWS::Partition}:sqs:"
        + IamStatement.part("JobsQueueUrl", '.', 1) + ":" + IamStatement.part("JobsQueueUrl", '/', 3) + ":"
        + IamStatement.part("JobsQueueUrl", '/', 4));
    Task task = Task.named("Use").resource("arn:aws:states:::aws-sdk:sqs:sendMessage")
        .parameters(Json.object().put("QueueUrl", jobs.url()).put("MessageBody", "hi")).permissions(send);

    CompiledWorkflow compiled = compile(WorkflowSpec.builder(StateMachine.startWith(task)).tracing(false)
        .logging(LogLevel.OFF, false).resources(jobs));

    assertThat(problems(compiled)).isEmpty();
    JsonNode template = template(compiled);
    String url = """
        {"Fn::Sub": ["https://sqs.${Region}.${AWS::URLSuffix}/${Account}/${Name}", {
          "Region": {"Fn::Select": [3, {"Fn::Split": [":", {"Ref": "JobsQueueArn"}]}]},
          "Account": {"Fn::Select": [4, {"Fn::Split": [":", {"Ref": "JobsQueueArn"}]}]},
          "Name": {"Fn::Select": [5, {"Fn::Split": [":", {"Ref": "JobsQueueArn"}]}]}}]}""";
    assertThat(template.at("/Resources/StateMachine/Properties/DefinitionSubstitutions")).isEqualTo(json(
        "{\"JobsQueueUrl\": " + url + "}"));
    assertThat(template.at(STATEMENTS)).isEqualTo(json("""
        [{"Effect": "Allow", "Action": ["sqs:SendMessage"], "Resource": [{"Fn::Sub": [
           "arn:${AWS::Partition}:sqs:${JobsQueueUrlPart1}:${JobsQueueUrlPart3}:${JobsQueueUrlPart4}",
           {"JobsQueueUrlPart1": {"Fn::Select": [1, {"Fn::Split": [".", %s]}]},
            "JobsQueueUrlPart3": {"Fn::Select": [3, {"Fn::Split": ["/", %s]}]},
            "JobsQueueUrlPart4": {"Fn::Select": [4, {"Fn::Split": ["/", %s]}]}}]}]}]""".formatted(url, url, url)));
  }
}
