package io.statecraft.asl.validate;

/**
 * The stable codes of the problems {@link AslValidator} reports. Where Step Functions has its own
 * name for a problem ({@code ValidateStateMachineDefinition} diagnostics) the code is that name;
 * the others name what the service lumps into {@code SCHEMA_VALIDATION_FAILED}. Each is explained,
 * with an example and a fix, in {@code docs/validation-rules.md}.
 */
public final class ValidationCodes {

  private ValidationCodes() {}

  // --- The service's own names ---------------------------------------------------------------

  /** A scope has no terminal state (Succeed, Fail or End: true) at all. */
  public static final String MISSING_END_STATE = "MISSING_END_STATE";
  /** Two states share a name, anywhere in the definition. */
  public static final String DUPLICATE_STATE_NAME = "DUPLICATE_STATE_NAME";
  /** A state name is empty, longer than 80 characters or holds control characters. */
  public static final String INVALID_STATE_NAME = "INVALID_STATE_NAME";
  /** Next, Default, a Catch's Next or StartAt names no state of the same scope. */
  public static final String MISSING_TRANSITION_TARGET = "MISSING_TRANSITION_TARGET";
  /** A Task Resource that does not look like an ARN or a placeholder (warning). */
  public static final String INVALID_RESOURCE = "INVALID_RESOURCE";
  /** A Map Label longer than 40 characters or with a forbidden character. */
  public static final String INVALID_LABEL_NAME = "INVALID_LABEL_NAME";
  /** Two Map states share a Label. */
  public static final String DUPLICATE_LABEL_NAME = "DUPLICATE_LABEL_NAME";
  /** A value that looks like a path or intrinsic under a key without {@code .$} (warning). */
  public static final String NO_DOLLAR = "NO_DOLLAR";
  /** A value that looks like a path in a field that takes a literal (warning). */
  public static final String NO_PATH = "NO_PATH";
  /** A path or {@code .$} key in a Pass state's Result, which is never evaluated (warning). */
  public static final String PASS_RESULT_IS_STATIC = "PASS_RESULT_IS_STATIC";

  // --- The SCHEMA_VALIDATION_FAILED family, named ----------------------------------------------

  /** The document is not an object with StartAt and States. */
  public static final String NOT_A_STATE_MACHINE = "NOT_A_STATE_MACHINE";
  /** A required field is absent. */
  public static final String MISSING_REQUIRED_FIELD = "MISSING_REQUIRED_FIELD";
  /** A field the language knows, on a state type (or object) that does not take it. */
  public static final String FIELD_NOT_ALLOWED = "FIELD_NOT_ALLOWED";
  /** A field that is not part of the language at all (warning). */
  public static final String UNKNOWN_FIELD = "UNKNOWN_FIELD";
  /** A JSONPath-only field in a state whose query language is JSONata. */
  public static final String JSONPATH_FIELD_IN_JSONATA_STATE = "JSONPATH_FIELD_IN_JSONATA_STATE";
  /** A JSONata-only field in a state whose query language is JSONPath. */
  public static final String JSONATA_FIELD_IN_JSONPATH_STATE = "JSONATA_FIELD_IN_JSONPATH_STATE";
  /** A JSONPath state in a state machine whose top-level query language is JSONata. */
  public static final String QUERY_LANGUAGE_CONFLICT = "QUERY_LANGUAGE_CONFLICT";
  /** Two fields of which at most one may be given, or Next together with End. */
  public static final String MUTUALLY_EXCLUSIVE_FIELDS = "MUTUALLY_EXCLUSIVE_FIELDS";
  /** A field holds the wrong kind of JSON value (a string where a number is required, ...). */
  public static final String INVALID_VALUE_TYPE = "INVALID_VALUE_TYPE";
  /** A number outside the range the service accepts. */
  public static final String VALUE_OUT_OF_RANGE = "VALUE_OUT_OF_RANGE";
  /** A string that is not one of the values a field accepts. */
  public static final String INVALID_ENUM_VALUE = "INVALID_ENUM_VALUE";
  /** A state Type that does not exist. */
  public static final String INVALID_STATE_TYPE = "INVALID_STATE_TYPE";
  /** An array that must have at least one item is empty. */
  public static final String EMPTY_ARRAY = "EMPTY_ARRAY";
  /** A Timestamp that is not in the RFC 3339 form the service accepts. */
  public static final String INVALID_TIMESTAMP = "INVALID_TIMESTAMP";
  /** HeartbeatSeconds is not less than TimeoutSeconds. */
  public static final String HEARTBEAT_NOT_BELOW_TIMEOUT = "HEARTBEAT_NOT_BELOW_TIMEOUT";
  /** States.ALL is not alone in its ErrorEquals, or its retrier/catcher is not the last. */
  public static final String STATES_ALL_NOT_LAST = "STATES_ALL_NOT_LAST";
  /** An error name starting with {@code States.} that the service never raises. */
  public static final String UNKNOWN_PREDEFINED_ERROR = "UNKNOWN_PREDEFINED_ERROR";
  /** A Choice rule without exactly one operator, or with Variable where it has none. */
  public static final String INVALID_CHOICE_RULE = "INVALID_CHOICE_RULE";
  /** A Credentials field that is not an object. */
  public static final String INVALID_CREDENTIALS = "INVALID_CREDENTIALS";
  /** A state that is never entered from its scope's StartAt. */
  public static final String UNREACHABLE_STATE = "UNREACHABLE_STATE";
  /** A state from which no terminal state can be reached: an infinite loop without exit. */
  public static final String NO_PATH_TO_END = "NO_PATH_TO_END";

  // --- Paths, payloads and expressions ---------------------------------------------------------

  /** A JSONPath that Jayway JsonPath's compiler rejects, or that does not start with $. */
  public static final String INVALID_JSONPATH = "INVALID_JSONPATH";
  /** A path that must select one value (a reference path) but may select several. */
  public static final String INVALID_REFERENCE_PATH = "INVALID_REFERENCE_PATH";
  /** A key ending in {@code .$} whose value is neither a path nor an intrinsic call. */
  public static final String INVALID_DOLLAR_FIELD = "INVALID_DOLLAR_FIELD";
  /** An intrinsic function call that does not parse. */
  public static final String INVALID_INTRINSIC = "INVALID_INTRINSIC";
  /** An intrinsic function name the language does not define. */
  public static final String INVALID_FUNCTION = "INVALID_FUNCTION";
  /** An intrinsic function called with the wrong number of arguments. */
  public static final String WRONG_ARGUMENT_COUNT = "WRONG_ARGUMENT_COUNT";
  /** An intrinsic call in a field that takes only a path (InputPath, ResultPath, ...). */
  public static final String INTRINSIC_NOT_ALLOWED = "INTRINSIC_NOT_ALLOWED";
  /** An Assign key that is not a valid variable name. */
  public static final String INVALID_VARIABLE_NAME = "INVALID_VARIABLE_NAME";
  /** Two keys of one payload object that are the same once {@code .$} is stripped. */
  public static final String DUPLICATE_KEY = "DUPLICATE_KEY";
  /** A {@code {% %}} JSONata expression that the JSONata parser rejects. */
  public static final String INVALID_JSONATA = "INVALID_JSONATA";
  /** {@code $states.result} or {@code $states.errorOutput} where the state has no such value. */
  public static final String STATES_VARIABLE_UNAVAILABLE = "STATES_VARIABLE_UNAVAILABLE";
  /** A {@code {% %}} string in a JSONPath state, which sends it literally (warning). */
  public static final String JSONATA_IN_JSONPATH_STATE = "JSONATA_IN_JSONPATH_STATE";
  /** A {@code .$} key in a JSONata state, which sends it literally (warning). */
  public static final String JSONPATH_IN_JSONATA_STATE = "JSONPATH_IN_JSONATA_STATE";

  // --- Integrations, deployment and limits ----------------------------------------------------

  /** A .sync or .waitForTaskToken integration in an Express state machine. */
  public static final String EXPRESS_UNSUPPORTED_INTEGRATION = "EXPRESS_UNSUPPORTED_INTEGRATION";
  /** A .waitForTaskToken task that never passes the task token to its worker. */
  public static final String MISSING_TASK_TOKEN = "MISSING_TASK_TOKEN";
  /** A CloudFormation placeholder where a number or boolean is required. */
  public static final String PLACEHOLDER_IN_TYPED_FIELD = "PLACEHOLDER_IN_TYPED_FIELD";
  /** A definition larger than the service's 1,048,576 bytes. */
  public static final String DEFINITION_TOO_LARGE = "DEFINITION_TOO_LARGE";
  /** A state name with a character the Step Functions API forbids in its other names (warning). */
  public static final String STATE_NAME_CHARACTERS = "STATE_NAME_CHARACTERS";
}
