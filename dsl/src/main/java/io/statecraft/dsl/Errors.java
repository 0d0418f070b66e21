package io.statecraft.dsl;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The error names the service itself raises, for {@code Retry} and {@code Catch}. Names of
 * integrated services' errors ({@code Lambda.ServiceException}, ...) come with their integrations.
 * What each means is from "Handling errors in Step Functions workflows",
 * https://docs.aws.amazon.com/step-functions/latest/dg/concepts-error-handling.html.
 */
public final class Errors {

  private Errors() {}

  /** Matches any error; must stand alone and last in a Retry or Catch list. */
  public static final String ALL = "States.ALL";
  /** {@code States.BranchFailed}: A branch of a Parallel state failed. */
  public static final String BRANCH_FAILED = "States.BranchFailed";
  /** {@code States.DataLimitExceeded}: An input, output or result exceeded the payload size quota; {@code States.ALL} does not catch it. */
  public static final String DATA_LIMIT_EXCEEDED = "States.DataLimitExceeded";
  /** {@code States.ExceedToleratedFailureThreshold}: A Map state failed because more items failed than its tolerated failure threshold. */
  public static final String EXCEED_TOLERATED_FAILURE_THRESHOLD = "States.ExceedToleratedFailureThreshold";
  /** {@code States.HeartbeatTimeout}: A Task sent no heartbeat for longer than its {@code HeartbeatSeconds}. */
  public static final String HEARTBEAT_TIMEOUT = "States.HeartbeatTimeout";
  /** {@code States.Http.Socket}: An HTTP Task's connection timed out (after 60 seconds). */
  public static final String HTTP_SOCKET = "States.Http.Socket";
  /** {@code States.IntrinsicFailure}: An intrinsic function call failed. */
  public static final String INTRINSIC_FAILURE = "States.IntrinsicFailure";
  /** {@code States.ItemReaderFailed}: A Map state could not read its items from its ItemReader source. */
  public static final String ITEM_READER_FAILED = "States.ItemReaderFailed";
  /** {@code States.NoChoiceMatched}: A Choice state matched no rule and has no {@code Default}. */
  public static final String NO_CHOICE_MATCHED = "States.NoChoiceMatched";
  /** {@code States.ParameterPathFailure}: A path in a state's {@code Parameters} (a key ending in {@code .$}) could not be applied. */
  public static final String PARAMETER_PATH_FAILURE = "States.ParameterPathFailure";
  /** {@code States.Permissions}: A Task failed because the execution role lacks a permission. */
  public static final String PERMISSIONS = "States.Permissions";
  /** {@code States.QueryEvaluationError}: A JSONata expression could not be evaluated. */
  public static final String QUERY_EVALUATION_ERROR = "States.QueryEvaluationError";
  /** {@code States.ResultPathMatchFailure}: A state's {@code ResultPath} cannot be applied to its input. */
  public static final String RESULT_PATH_MATCH_FAILURE = "States.ResultPathMatchFailure";
  /** {@code States.ResultWriterFailed}: A Map state could not write its results to its ResultWriter destination. */
  public static final String RESULT_WRITER_FAILED = "States.ResultWriterFailed";
  /** {@code States.Runtime}: An execution failed on an exception it cannot handle, such as a path applied to a non-object; {@code States.ALL} does not catch it. */
  public static final String RUNTIME = "States.Runtime";
  /** {@code States.TaskFailed}: A Task failed during the execution; in a Retry or Catch it matches any error except {@code States.Timeout}. */
  public static final String TASK_FAILED = "States.TaskFailed";
  /** {@code States.Timeout}: A Task ran longer than its {@code TimeoutSeconds}, or sent no heartbeat for longer than {@code HeartbeatSeconds}. */
  public static final String TIMEOUT = "States.Timeout";

  /** Every predefined {@code States.*} name above. */
  public static final List<String> PREDEFINED = List.of(
      ALL, BRANCH_FAILED, DATA_LIMIT_EXCEEDED, EXCEED_TOLERATED_FAILURE_THRESHOLD, HEARTBEAT_TIMEOUT,
      HTTP_SOCKET, INTRINSIC_FAILURE, ITEM_READER_FAILED, NO_CHOICE_MATCHED, PARAMETER_PATH_FAILURE,
      PERMISSIONS, QUERY_EVALUATION_ERROR, RESULT_PATH_MATCH_FAILURE, RESULT_WRITER_FAILED, RUNTIME,
      TASK_FAILED, TIMEOUT);

  private static final Pattern HTTP_STATUS = Pattern.compile("States\\.Http\\.StatusCode\\.[1-5][0-9][0-9]");

  /**
   * The error an HTTP task raises for a response status, {@code States.Http.StatusCode.429}.
   *
   * @param status an HTTP status code, 100..599
   */
  public static String httpStatus(int status) {
    if (status < 100 || status > 599) {
      throw new IllegalArgumentException("HTTP status codes are 100..599: " + status);
    }
    return "States.Http.StatusCode." + status;
  }

  /** Whether {@code name} is reserved by the service: it starts with {@code States.}. */
  public static boolean isReserved(String name) {
    return name.startsWith("States.");
  }

  /** Whether {@code name} is a {@code States.*} name the service actually raises. */
  public static boolean isPredefined(String name) {
    return PREDEFINED.contains(name) || HTTP_STATUS.matcher(name).matches();
  }
}
