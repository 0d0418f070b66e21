package io.statecraft.dsl;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The error names the service itself raises, for {@code Retry} and {@code Catch}. Names of
 * integrated services' errors ({@code Lambda.ServiceException}, ...) come with their integrations.
 */
public final class Errors {

  private Errors() {}

  /** Matches any error; must stand alone and last in a Retry or Catch list. */
  public static final String ALL = "States.ALL";
  public static final String BRANCH_FAILED = "States.BranchFailed";
  public static final String DATA_LIMIT_EXCEEDED = "States.DataLimitExceeded";
  public static final String EXCEED_TOLERATED_FAILURE_THRESHOLD = "States.ExceedToleratedFailureThreshold";
  public static final String HEARTBEAT_TIMEOUT = "States.HeartbeatTimeout";
  public static final String HTTP_SOCKET = "States.Http.Socket";
  public static final String INTRINSIC_FAILURE = "States.IntrinsicFailure";
  public static final String ITEM_READER_FAILED = "States.ItemReaderFailed";
  public static final String NO_CHOICE_MATCHED = "States.NoChoiceMatched";
  public static final String PARAMETER_PATH_FAILURE = "States.ParameterPathFailure";
  public static final String PERMISSIONS = "States.Permissions";
  public static final String QUERY_EVALUATION_ERROR = "States.QueryEvaluationError";
  public static final String RESULT_PATH_MATCH_FAILURE = "States.ResultPathMatchFailure";
  public static final String RESULT_WRITER_FAILED = "States.ResultWriterFailed";
  public static final String RUNTIME = "States.Runtime";
  public static final String TASK_FAILED = "States.TaskFailed";
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
