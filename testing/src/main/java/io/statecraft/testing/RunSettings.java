package io.statecraft.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Map;

/** Everything a run needs besides the definition and the input; built by {@link LocalExecutor}. */
record RunSettings(
    Map<String, Mock> stateMocks,
    Map<String, Map<Integer, Mock>> attemptMocks,
    Map<String, Mock> resourceMocks,
    Map<String, JsonNode> items,
    Map<String, String> s3Objects,
    boolean echoUnmocked,
    boolean anyMockErrorName,
    MockValidation mockValidation,
    long seed,
    Instant startTime,
    String executionName,
    String stateMachineName,
    String region,
    String accountId,
    String roleArn) {

  String stateMachineArn() {
    return "arn:aws:states:" + region + ":" + accountId + ":stateMachine:" + stateMachineName;
  }

  String executionArn() {
    return "arn:aws:states:" + region + ":" + accountId + ":execution:" + stateMachineName + ":" + executionName;
  }
}
