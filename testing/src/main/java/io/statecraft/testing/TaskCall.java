package io.statecraft.testing;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One call of a Task state, as a mock sees it.
 *
 * @param stateName the Task state's name
 * @param resource the state's Resource ARN, e.g. {@code arn:aws:states:::lambda:invoke}
 * @param input the payload sent to the service: the evaluated Parameters (JSONPath) or Arguments
 *     (JSONata), else the state's effective input
 * @param attempt which call of this state this is in the execution, from 1 (retries and loops
 *     count)
 * @param taskToken the task token of a {@code .waitForTaskToken} call, else null
 * @param context the context object of the call ({@code $$})
 */
public record TaskCall(String stateName, String resource, JsonNode input, int attempt, String taskToken,
    JsonNode context) {
}
