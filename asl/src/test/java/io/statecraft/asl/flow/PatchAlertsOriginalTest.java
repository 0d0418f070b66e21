package io.statecraft.asl.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.statecraft.asl.json.JsonDocuments;
import io.statecraft.asl.validate.AslValidator;
import io.statecraft.asl.validate.ValidationOptions;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The seed article's own workflow (see {@code src/test/resources/flow/README.md}): CalculateArrayLength
 * replaces its input with {@code {"ArrayLength": ...}}, so the Choice after it compares an object
 * with NumericGreaterThan and DescribeTagsForFilteredInstances reads a field that is gone.
 */
final class PatchAlertsOriginalTest {

  @Test
  void wholeReport() throws Exception {
    Path file = Path.of("src/test/resources/flow/patch-alerts-original.asl.json");
    assertThat(FlowReport.describe(AslValidator.validate(JsonDocuments.read(file), ValidationOptions.defaults())))
        .containsExactly(
            "WARNING NO_DOLLAR /States/CalculateArrayLength/Parameters/ArrayLength/Fn::Size: 'Fn::Size' is not an intrinsic function and nothing evaluates it inside a definition, so its value is sent as literal data; compute the value with an intrinsic under a key ending in .$, such as \"count.$\": \"States.ArrayLength($.items)\"",
            "WARNING TYPE_MISMATCH /States/CheckIfInstancesFound/Choices/0/NumericGreaterThan: NumericGreaterThan compares '$.ArrayLength', which is an object here (Parameters of CalculateArrayLength wrote that object; it has only Fn::Size), not a number, so this rule never matches; compare a value that is a number here, or test its type first with IsNumeric",
            "WARNING FIELD_NOT_IN_INPUT /States/DescribeTagsForFilteredInstances/Parameters/Filters/1/Values.$: '$.NONCOMPLIANTInstanceIDs' reads NONCOMPLIANTInstanceIDs, which the input of DescribeTagsForFilteredInstances cannot have: ResultPath '$' of CalculateArrayLength replaced the input; it has only ArrayLength");
  }
}
