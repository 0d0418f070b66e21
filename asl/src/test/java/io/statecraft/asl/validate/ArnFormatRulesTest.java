package io.statecraft.asl.validate;

import static io.statecraft.asl.validate.Validation.tree;
import static org.assertj.core.api.Assertions.assertThat;

import io.statecraft.asl.ProblemCode;
import io.statecraft.asl.json.JsonDocuments;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Literal ARNs checked against the ARN formats of the IAM catalogue (issue 16): an ERROR in a
 * Task's Resource, which the service rejects, a WARNING in what a Task passes to the service it
 * calls, where the call fails at run time. Each test asserts the whole report, each line with the
 * service's code at its end ("—" where the service reports none).
 */
final class ArnFormatRulesTest {

  private static List<String> report(String json) {
    return AslValidator.validate(tree(json)).stream()
        .map(problem -> problem.describe() + " [AWS: " + problem.serviceCode().orElse("—") + "]")
        .toList();
  }

  /** A definition of one Task per entry: its name, Resource and Parameters (JSON). */
  private static String tasks(String... nameResourceParameters) {
    StringBuilder states = new StringBuilder();
    for (int i = 0; i < nameResourceParameters.length; i += 3) {
      boolean last = i + 3 == nameResourceParameters.length;
      states.append(i == 0 ? "" : ",\n").append('"').append(nameResourceParameters[i]).append("\": {")
          .append("\"Type\": \"Task\", \"Resource\": \"").append(nameResourceParameters[i + 1]).append('"')
          .append(nameResourceParameters[i + 2].isEmpty() ? "" : ", \"Parameters\": " + nameResourceParameters[i + 2])
          .append(last ? ", \"End\": true}" : ", \"Next\": \"" + nameResourceParameters[i + 3] + "\"}");
    }
    return "{\"StartAt\": \"" + nameResourceParameters[0] + "\", \"States\": {" + states + "}}";
  }

  /**
   * No false positives where definitions are known to work: AWS's published samples in {@code
   * ../shared/reference}, the reference workflows' and the generator's and aws module's golden
   * definitions, and statelint's valid corpus, whose one made-up account is a warning only.
   */
  @TestFactory
  Stream<DynamicTest> definitionsThatWorkHoldNoMalformedArn() throws IOException {
    String shared = System.getProperty("statecraft.sharedDir");
    List<Path> roots = new ArrayList<>(List.of(Path.of("../workflows/src/test/resources/golden"),
        Path.of("../generator/src/test/resources/golden"), Path.of("../aws/src/test/resources/golden")));
    if (shared != null) {
      roots.add(Path.of(shared, "reference"));
      roots.add(Path.of(shared, "conformance", "statelint-awslabs", "valid"));
    }
    List<Path> files = new ArrayList<>();
    for (Path root : roots) {
      if (Files.isDirectory(root)) {
        try (Stream<Path> walk = Files.walk(root)) {
          walk.filter(Files::isRegularFile).filter(JsonDocuments::isDefinitionFile).sorted().forEach(files::add);
        }
      }
    }
    assertThat(files).hasSizeGreaterThan(10);
    return files.stream().map(file -> DynamicTest.dynamicTest(file.toString(), () -> {
      List<String> arnProblems = AslValidator.validate(JsonDocuments.read(file)).stream()
          .filter(problem -> problem.problemCode() == ProblemCode.MALFORMED_ARN
              || problem.message().contains("; expected arn:"))
          .map(problem -> problem.describe())
          .toList();
      if (file.endsWith("minimal-fail-state.json")) {
        assertThat(arnProblems).containsExactly("WARNING INVALID_RESOURCE /States/A Task/Resource: Resource "
            + "'arn:aws:states:us-west-2:42:activity:a-task' has the account '42' (2 digits), but an account ID has "
            + "12 digits; expected arn:${Partition}:states:${Region}:${Account}:activity:${ActivityName}; the "
            + "service runs no task at an ARN of this shape");
      } else {
        assertThat(arnProblems).isEmpty();
      }
    }));
  }

  @Test
  void anSnsTopicArnWithAFieldMissing() {
    assertThat(report(tasks("Notify", "arn:aws:states:::sns:publish",
        "{\"TopicArn\": \"arn:aws:sns:us-east-1:alerts\", \"Message\": \"hi\"}"))).containsExactly(
        "WARNING MALFORMED_ARN /States/Notify/Parameters/TopicArn: ARN 'arn:aws:sns:us-east-1:alerts' has 5 of the "
            + "six fields of an ARN (arn:partition:service:region:account:resource); expected "
            + "arn:${Partition}:sns:${Region}:${Account}:${TopicName}; the service accepts the definition, but the "
            + "call fails at run time [AWS: —]");
  }

  @Test
  void aLambdaArnOfAResourceTypeLambdaDoesNotHave() {
    assertThat(report(tasks(
        "Invoke", "arn:aws:states:::lambda:invoke",
        "{\"FunctionName\": \"arn:aws:lambda:us-east-1:123456789012:func:x\", \"Payload.$\": \"$\"}",
        "Direct", "arn:aws:lambda:us-east-1:123456789012:func:x", ""))).containsExactly(
        // In the Resource, the rule that knows the tasks the service runs says it first, and alone.
        "ERROR INVALID_RESOURCE /States/Direct/Resource: Resource 'arn:aws:lambda:us-east-1:123456789012:func:x' is "
            + "neither an integration (arn:aws:states:::SERVICE:ACTION), an activity nor a Lambda function, the only "
            + "tasks the service runs; for another service's resource, call it through its integration and pass the "
            + "ARN in Parameters [AWS: INVALID_RESOURCE]",
        "WARNING MALFORMED_ARN /States/Invoke/Parameters/FunctionName: ARN "
            + "'arn:aws:lambda:us-east-1:123456789012:func:x' names the resource type 'func', which lambda does not "
            + "have; did you mean arn:${Partition}:lambda:${Region}:${Account}:function:${FunctionName}?; the service "
            + "accepts the definition, but the call fails at run time [AWS: —]");
  }

  @Test
  void aResourceWithAnAccountOfElevenDigitsOrAnInvalidRegion() {
    assertThat(report(tasks(
        "Direct", "arn:aws:lambda:us-east-1:12345678901:function:x", "",
        "Activity", "arn:aws:states:useast1:123456789012:activity:review", ""))).containsExactly(
        "WARNING INVALID_RESOURCE /States/Activity/Resource: Resource 'arn:aws:states:useast1:123456789012:activity:"
            + "review' has the region 'useast1', which is no Region code (such as us-east-1); expected "
            + "arn:${Partition}:states:${Region}:${Account}:activity:${ActivityName}; the service runs no task at "
            + "an ARN of this shape [AWS: INVALID_RESOURCE]",
        "WARNING INVALID_RESOURCE /States/Direct/Resource: Resource 'arn:aws:lambda:us-east-1:12345678901:function:x' "
            + "has the account '12345678901' (11 digits), but an account ID has 12 digits; expected "
            + "arn:${Partition}:lambda:${Region}:${Account}:function:${FunctionName}; the service runs no task at "
            + "an ARN of this shape [AWS: INVALID_RESOURCE]");
  }

  @Test
  void aResourceArnInAPartitionOfNoneOfAwssIsAnError() {
    // A Resource with a field missing or an empty name is no function or activity ARN at all, which
    // TaskResourceArns reports (IntegrationRulesTest); what is left here is the partition.
    assertThat(report(tasks("Partition", "arn:amazon:lambda:us-east-1:123456789012:function:x", ""))).containsExactly(
        "ERROR INVALID_RESOURCE /States/Partition/Resource: Resource "
            + "'arn:amazon:lambda:us-east-1:123456789012:function:x' has the partition 'amazon', which is none of "
            + "AWS's (aws, aws-cn, aws-us-gov, ...); expected "
            + "arn:${Partition}:lambda:${Region}:${Account}:function:${FunctionName} [AWS: INVALID_RESOURCE]");
  }

  @Test
  void wellFormedPlaceholderAndUnknownServiceArnsAreNotReported() {
    assertThat(report(tasks(
        "Copy", "arn:aws:states:::aws-sdk:s3:copyObject",
        // An S3 object ARN has neither Region nor account; its key may hold slashes and colons.
        "{\"ObjectArn\": \"arn:aws:s3:::my-bucket/reports/2024:q1.csv\", \"Bucket\": \"my-bucket\","
            + " \"Roles\": [\"arn:aws-cn:iam::123456789012:role/service-role/copier\"],"
            + " \"Policy\": \"arn:aws:iam::aws:policy/ReadOnlyAccess\","
            // AWS's own document has no account; an assumed role's session is in no IAM catalogue.
            + " \"DocumentArn\": \"arn:aws:ssm:us-east-1::document/AWS-RunPatchBaseline\","
            + " \"Caller\": \"arn:aws:sts::123456789012:assumed-role/responder/session-1\","
            + " \"EventArn\": \"arn:aws:health:us-east-1::event/EC2/AWS_EC2_MAINTENANCE/AWS_EC2_MAINTENANCE_ABC\","
            + " \"Family\": \"arn:aws:ecs:us-east-1:123456789012:task-definition/report\"}",
        "Placeholder", "arn:aws:states:::sns:publish",
        "{\"TopicArn\": \"arn:aws:sns:${Region}:${Account}:alerts\", \"Other\": \"${AlertTopicArn}\"}",
        "Unknown", "arn:aws:states:::aws-sdk:madeup:doIt",
        "{\"ThingArn\": \"arn:aws:madeup:us-east-1:12345:thing\", \"Pattern\": \"arn:aws:logs:*:*:*\"}",
        "Function", "arn:aws:lambda:us-east-1:123456789012:function:x:live", "",
        "Path", "arn:aws:states:::sns:publish",
        "{\"TopicArn.$\": \"States.Format('arn:aws:sns:us-east-1:{}:alerts', $.account)\", \"Message\": \"hi\"}")))
        .isEmpty();
  }

  @Test
  void whatACallOnlyCarriesIsDataButKeysNamedLikeAnArnAreChecked() {
    assertThat(report(tasks("Start", "arn:aws:states:::states:startExecution",
        "{\"StateMachineArn\": \"arn:aws:states:us-east-1:123456789012:stateMachine:child\","
            + " \"Input\": {\"note\": \"arn:aws:not-checked\", \"TopicArn\": \"arn:aws:sns:us-east-1:1234567890123:alerts\"}}")))
        .containsExactly(
            "WARNING MALFORMED_ARN /States/Start/Parameters/Input/TopicArn: ARN "
                + "'arn:aws:sns:us-east-1:1234567890123:alerts' has the account '1234567890123' (13 digits), but an "
                + "account ID has 12 digits; expected "
                + "arn:${Partition}:sns:${Region}:${Account}:${TopicName}; the service accepts the definition, but "
                + "the call fails at run time [AWS: —]");
  }

  @Test
  void credentialsQueueUrlsAndJsonataArguments() {
    assertThat(report("""
        {
          "StartAt": "Send",
          "States": {
            "Send": {
              "Type": "Task",
              "Resource": "arn:aws:states:::sqs:sendMessage",
              "Credentials": {"RoleArn": "arn:aws:iam:us-east-1:123456789012:role/sender"},
              "Parameters": {"QueueUrl": "https://sqs.us-east-1.amazonaws.com/1234/orders", "MessageBody": "x"},
              "Next": "Again"
            },
            "Again": {
              "Type": "Task",
              "QueryLanguage": "JSONata",
              "Resource": "arn:aws:states:::sqs:sendMessage",
              "Arguments": {
                "QueueUrl": "orders",
                "MessageBody": "{% $states.input %}",
                "MessageGroupId": "{% 'arn:aws:sns:' & $states.input.region %}"
              },
              "Next": "Ok"
            },
            "Ok": {
              "Type": "Task",
              "Resource": "arn:aws:states:::sqs:sendMessage",
              "Parameters": {"QueueUrl": "https://sqs.us-east-1.amazonaws.com/123456789012/orders.fifo", "MessageBody": "x"},
              "End": true
            }
          }
        }
        """)).containsExactly(
        "WARNING MALFORMED_ARN /States/Again/Arguments/QueueUrl: QueueUrl 'orders' is not a queue URL, which SQS gives "
            + "as https://sqs.REGION.amazonaws.com/ACCOUNT/QUEUE_NAME (such as "
            + "https://sqs.us-east-2.amazonaws.com/123456789012/MyQueue); the service accepts the definition, but the "
            + "call fails at run time [AWS: —]",
        "WARNING MALFORMED_ARN /States/Send/Credentials/RoleArn: ARN 'arn:aws:iam:us-east-1:123456789012:role/sender' "
            + "has the region 'us-east-1', but iam role ARNs have none; expected "
            + "arn:${Partition}:iam::${Account}:role/${RoleNameWithPath}; the service accepts the definition, but the "
            + "call fails at run time [AWS: —]",
        "WARNING MALFORMED_ARN /States/Send/Parameters/QueueUrl: QueueUrl "
            + "'https://sqs.us-east-1.amazonaws.com/1234/orders' has the account '1234' (4 digits), but an account ID "
            + "has 12 digits; expected https://sqs.REGION.amazonaws.com/ACCOUNT/QUEUE_NAME; the service accepts the "
            + "definition, but the call fails at run time [AWS: —]");
  }

  @Test
  void anEmptyResourcePartAndAWordOfAnotherType() {
    assertThat(report(tasks("Get", "arn:aws:states:::aws-sdk:dynamodb:getItem",
        "{\"TableArn\": \"arn:aws:dynamodb:us-east-1:123456789012:\","
            + " \"IndexArn\": \"arn:aws:dynamodb:us-east-1:123456789012:tables/orders\"}")))
        .extracting(line -> line.substring(0, line.indexOf("; the service")))
        .containsExactly(
            "WARNING MALFORMED_ARN /States/Get/Parameters/IndexArn: ARN "
                + "'arn:aws:dynamodb:us-east-1:123456789012:tables/orders' names the resource type 'tables', which "
                + "dynamodb does not have; did you mean arn:${Partition}:dynamodb:${Region}:${Account}:table/${TableName}?",
            "WARNING MALFORMED_ARN /States/Get/Parameters/TableArn: ARN 'arn:aws:dynamodb:us-east-1:123456789012:' "
                + "has an empty resource part; expected "
                + "arn:${Partition}:dynamodb:${Region}:${Account}:table/${TableName}");
  }
}
