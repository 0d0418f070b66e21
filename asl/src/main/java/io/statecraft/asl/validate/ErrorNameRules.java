package io.statecraft.asl.validate;

import com.fasterxml.jackson.databind.JsonNode;
import io.statecraft.asl.ProblemCode;
import io.statecraft.asl.Problems;
import io.statecraft.asl.json.JsonPointers;
import java.util.Optional;

/**
 * Error names that a Task's integration never raises because they are written in the other
 * integration's style (see {@link IntegrationErrorNames}): {@code DynamoDb.*} on an optimized
 * DynamoDB task, {@code DynamoDB.*} on an {@code aws-sdk:dynamodb} task. Such a retrier or catcher
 * never fires, so each is an error that names the right spelling.
 */
final class ErrorNameRules {

  private ErrorNameRules() {}

  static void check(DefinitionIndex index, Problems problems) {
    for (StateEntry state : index.states()) {
      JsonNode resource = state.get("Resource");
      if (state.is(StateType.TASK) && resource != null && resource.isTextual()) {
        checkList(state, resource.textValue(), "Retry", problems);
        checkList(state, resource.textValue(), "Catch", problems);
      }
    }
  }

  private static void checkList(StateEntry state, String resource, String field, Problems problems) {
    JsonNode list = state.get(field);
    if (list == null || !list.isArray()) {
      return;
    }
    for (int i = 0; i < list.size(); i++) {
      JsonNode errors = list.get(i).get("ErrorEquals");
      if (errors == null || !errors.isArray()) {
        continue;
      }
      for (int j = 0; j < errors.size(); j++) {
        JsonNode name = errors.get(j);
        Optional<String> right = name.isTextual() ? IntegrationErrorNames.correction(resource, name.textValue())
            : Optional.empty();
        if (right.isPresent()) {
          String pointer = JsonPointers.child(JsonPointers.child(JsonPointers.child(state.pointer(field), i),
              "ErrorEquals"), j);
          boolean sdk = IntegrationErrorNames.isSdkIntegration(resource);
          problems.error(sdk ? ProblemCode.SDK_ERROR_NAME : ProblemCode.OPTIMIZED_ERROR_NAME, pointer,
              (sdk ? "the AWS SDK integration '" : "the optimized integration '") + resource + "' never raises '"
                  + name.textValue() + "', so this " + (field.equals("Retry") ? "retrier" : "catcher")
                  + " never fires; write '" + right.get() + "'");
        }
      }
    }
  }
}
