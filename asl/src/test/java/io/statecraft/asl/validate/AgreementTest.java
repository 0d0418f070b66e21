package io.statecraft.asl.validate;

import static io.statecraft.asl.validate.Validation.problems;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Where lint and Step Functions must agree (issue 16): what the service rejects is an error, what
 * it accepts but misbehaves is a warning. Each test asserts the whole report.
 */
final class AgreementTest {

  private static final Path FIXTURES = Path.of("src/test/resources/agree");

  @Test
  void missedRejectionsAndWronglyRejectedForms() throws IOException {
    assertThat(problems(Files.readString(FIXTURES.resolve("agreement.json")))).containsExactly(
        "WARNING UNKNOWN_PREDEFINED_ERROR /States/Call/Catch/0/ErrorEquals/0: 'States.OrderRejected' is not an error the service raises, and names starting with States. are reserved for those; the service accepts it, but name your own errors without the prefix (such as 'OrderRejected')",
        "WARNING UNQUOTED_FILTER_WORD /States/Call/Parameters/Filtered.$: 'Filtered.$' value '$.orders[?(@.status==active)]' compares with the unquoted word active, which the service reads as the string 'active'; quote it to say so: '$.orders[?(@.status=='active')]'",
        "ERROR UNCLOSED_PLACEHOLDER /States/Call/Parameters/TopicArn: '${AlertTopicArn' has no closing }, so CloudFormation never substitutes it and the text is sent as it is; write ${AlertTopicArn}",
        "ERROR INVALID_RESOURCE /States/Call/Resource: Resource '${OrderFunctionArn' holds '${OrderFunctionArn', which is not a ${Name} placeholder, so it is never substituted and the service rejects the ARN; close it: ${OrderFunctionArn}",
        "ERROR INVALID_VALUE_TYPE /States/Each/Iterator: Iterator must be an object with StartAt and States, got 5",
        "ERROR INVALID_RESOURCE /States/Hash/Resource: Resource 'arn:aws:lambda:us-east-1:123456789012:function:my-fn:#1' has the qualifier '#1', which is no version, alias or $LATEST (a qualifier has letters, digits, - and _ only)",
        "ERROR INVALID_RESOURCE /States/Qualified/Resource: Resource 'arn:aws:lambda:us-east-1:123456789012:function:my-fn:' ends with ':' but no version or alias; remove the ':' or add the version, alias or $LATEST",
        "WARNING UNKNOWN_PREDEFINED_ERROR /States/Rejected/Error: 'States.OrderRejected' is not an error the service raises, and names starting with States. are reserved for those; the service accepts it, but name your own errors without the prefix (such as 'OrderRejected')",
        "ERROR INVALID_RESOURCE /States/Topic/Resource: Resource 'arn:aws:sns:us-east-1:123456789012:alerts' is neither an integration (arn:aws:states:::SERVICE:ACTION), an activity nor a Lambda function, the only tasks the service runs; for another service's resource, call it through its integration and pass the ARN in Parameters");
  }

  @Test
  void aStateNameWithAnUnpairedSurrogateIsRejected() {
    assertThat(problems("""
        {"StartAt": "A\\ud800", "States": {"A\\ud800": {"Type": "Succeed"}}}
        """)).containsExactly(
        "ERROR INVALID_STATE_NAME /States/A\uD800: state name 'A?' contains the unpaired surrogate U+D800, which is "
            + "not a character; remove it or write the whole character");
  }

  @Test
  void intrinsicArgumentsOfTheWrongTypeForEachFunction() throws IOException {
    assertThat(problems(Files.readString(FIXTURES.resolve("intrinsic-types.json")))).containsExactly(
        "ERROR INVALID_ARGUMENT_TYPE /States/Wrong/Parameters/chunkSize.$: 'chunkSize.$' value calls States.ArrayPartition, whose argument 2 must be an integer, got 2.5",
        "ERROR INVALID_ARGUMENT_TYPE /States/Wrong/Parameters/chunks.$: 'chunks.$' value calls States.ArrayPartition, whose argument 1 must be an array, got the string 'abc'",
        "ERROR INVALID_ARGUMENT_TYPE /States/Wrong/Parameters/decoded.$: 'decoded.$' value calls States.Base64Decode, whose argument 1 must be a string, got false",
        "ERROR INVALID_ARGUMENT_TYPE /States/Wrong/Parameters/deep.$: 'deep.$' value calls States.JsonMerge, whose argument 3 must be a boolean, got the string 'true'",
        "ERROR INVALID_ARGUMENT_TYPE /States/Wrong/Parameters/emptyChunks.$: 'emptyChunks.$' value calls States.ArrayPartition, whose argument 2 (the chunk size) must be a positive integer, got 0",
        "ERROR INVALID_ARGUMENT_TYPE /States/Wrong/Parameters/encoded.$: 'encoded.$' value calls States.Base64Encode, whose argument 1 must be a string, got the integer that States.ArrayLength returns",
        "ERROR INVALID_ARGUMENT_TYPE /States/Wrong/Parameters/format.$: 'format.$' value calls States.Format, whose argument 1 must be a string, got 42",
        "ERROR INVALID_ARGUMENT_TYPE /States/Wrong/Parameters/has.$: 'has.$' value calls States.ArrayContains, whose argument 1 must be an array, got true",
        "ERROR INVALID_ARGUMENT_TYPE /States/Wrong/Parameters/hash.$: 'hash.$' value calls States.Hash, whose argument 2 must be one of MD5, SHA-1, SHA-256, SHA-384, SHA-512, got 'SHA-2'",
        "ERROR INVALID_ARGUMENT_TYPE /States/Wrong/Parameters/item.$: 'item.$' value calls States.ArrayGetItem, whose argument 2 must be an integer, got the string '0'",
        "ERROR INVALID_ARGUMENT_TYPE /States/Wrong/Parameters/json.$: 'json.$' value calls States.StringToJson, whose argument 1 must be a string, got 1",
        "ERROR INVALID_ARGUMENT_TYPE /States/Wrong/Parameters/length.$: 'length.$' value calls States.ArrayLength, whose argument 1 must be an array, got the string that States.Format returns",
        "ERROR INVALID_ARGUMENT_TYPE /States/Wrong/Parameters/merged.$: 'merged.$' value calls States.JsonMerge, whose argument 2 must be an object, got the string 'b'",
        "ERROR INVALID_ARGUMENT_TYPE /States/Wrong/Parameters/nested.$: 'nested.$' value calls States.MathAdd, whose argument 2 must be a number, got the string that States.UUID returns",
        "ERROR INVALID_ARGUMENT_TYPE /States/Wrong/Parameters/parts.$: 'parts.$' value calls States.StringSplit, whose argument 2 must be a string, got 44",
        "ERROR INVALID_ARGUMENT_TYPE /States/Wrong/Parameters/random.$: 'random.$' value calls States.MathRandom, whose argument 1 must be a number, got the string '1'",
        "ERROR INVALID_ARGUMENT_TYPE /States/Wrong/Parameters/range.$: 'range.$' value calls States.ArrayRange, whose argument 2 must be an integer, got 9.5",
        "ERROR INVALID_ARGUMENT_TYPE /States/Wrong/Parameters/step.$: 'step.$' value calls States.ArrayRange, whose argument 3 (the step) must not be 0",
        "ERROR INVALID_ARGUMENT_TYPE /States/Wrong/Parameters/sum.$: 'sum.$' value calls States.MathAdd, whose argument 2 must be a number, got the string 'x'",
        "ERROR INVALID_ARGUMENT_TYPE /States/Wrong/Parameters/unique.$: 'unique.$' value calls States.ArrayUnique, whose argument 1 must be an array, got null");
  }

  @Test
  void theDistributedMapsExclusivePairs() throws IOException {
    assertThat(problems(Files.readString(FIXTURES.resolve("batcher-pairs.json")))).containsExactly(
        "ERROR MUTUALLY_EXCLUSIVE_FIELDS /States/Batches/ItemBatcher/MaxInputBytesPerBatchPath: MaxInputBytesPerBatch and MaxInputBytesPerBatchPath exclude each other; keep one",
        "ERROR MUTUALLY_EXCLUSIVE_FIELDS /States/Batches/ItemBatcher/MaxItemsPerBatchPath: MaxItemsPerBatch and MaxItemsPerBatchPath exclude each other; keep one",
        "ERROR MUTUALLY_EXCLUSIVE_FIELDS /States/Batches/ItemReader/ReaderConfig/MaxItemsPath: MaxItems and MaxItemsPath exclude each other; keep one");
  }
}
