package io.statecraft.asl;

/**
 * Every code a Statecraft problem can carry, from every module: reading a document, validating a
 * definition, building a state machine in Java, and generating a template. One registry, so that a
 * code is declared once, cannot be mistyped at a call site, and is documented: the definition's
 * codes in {@code docs/validation-rules.md}, the template's in {@code docs/cloudformation.md}
 * ({@code ProblemCodeDocsTest} checks both ways).
 *
 * <p>A constant's {@link #name()} is the code as reports print it, so renaming one breaks scripts
 * that match reports: add a code rather than rename one. Where Step Functions has its own name for
 * a problem ({@code ValidateStateMachineDefinition} diagnostics) the code is that name; the others
 * name what the service lumps into {@code SCHEMA_VALIDATION_FAILED}.
 */
public enum ProblemCode {

  // --- Reading a document ---------------------------------------------------------------------

  /** The text is not JSON or YAML (the service's own name for this). */
  INVALID_JSON_DESCRIPTION,
  /** The document is empty (the service's own name for this). */
  MISSING_DESCRIPTION,
  /**
   * Two states share a name: in one {@code States} object of a file, anywhere in a definition, or
   * two different Java objects of one state machine (the service's own name for this).
   */
  DUPLICATE_STATE_NAME,
  /**
   * The same key twice in one object of a file, or two keys of one payload object that are the same
   * once {@code .$} is stripped.
   */
  DUPLICATE_KEY,
  /** The document is not an object with StartAt and States. */
  NOT_A_STATE_MACHINE,
  /** The document, or an expression in it, nests deeper than Statecraft reads (see {@code Nesting}). */
  TOO_DEEP,

  // --- Structure --------------------------------------------------------------------------------

  /** A required field is absent. */
  MISSING_REQUIRED_FIELD,
  /** A field the language knows, on a state type (or object) that does not take it. */
  FIELD_NOT_ALLOWED,
  /** A field that is not part of the language at all (warning). */
  UNKNOWN_FIELD,
  /** A JSONPath-only field in a state whose query language is JSONata. */
  JSONPATH_FIELD_IN_JSONATA_STATE,
  /** A JSONata-only field in a state whose query language is JSONPath. */
  JSONATA_FIELD_IN_JSONPATH_STATE,
  /** A JSONPath state in a state machine whose top-level query language is JSONata. */
  QUERY_LANGUAGE_CONFLICT,
  /** Two fields of which at most one may be given, or Next together with End. */
  MUTUALLY_EXCLUSIVE_FIELDS,
  /** A state Type that does not exist. */
  INVALID_STATE_TYPE,
  /** A field holds the wrong kind of JSON value (a string where a number is required, ...). */
  INVALID_VALUE_TYPE,
  /** A number outside the range the service accepts. */
  VALUE_OUT_OF_RANGE,
  /** A string that is not one of the values a field accepts. */
  INVALID_ENUM_VALUE,
  /** An array that must have at least one item is empty. */
  EMPTY_ARRAY,
  /** A Timestamp that is not in the RFC 3339 form the service accepts. */
  INVALID_TIMESTAMP,
  /** A field that takes a JSON Pointer (RFC 6901), such as {@code ReaderConfig.ItemsPointer}, holding something else. */
  INVALID_JSON_POINTER,

  // --- The state graph --------------------------------------------------------------------------

  /** Next, Default, a Catch's Next or StartAt names no state of the same scope. */
  MISSING_TRANSITION_TARGET,
  /** A state that is never entered from its scope's StartAt. */
  UNREACHABLE_STATE,
  /** A scope has no terminal state (Succeed, Fail or End: true) at all. */
  MISSING_END_STATE,
  /** A state from which no terminal state can be reached: an infinite loop without exit. */
  NO_PATH_TO_END,
  /** A state name is empty, longer than 80 characters or holds control characters. */
  INVALID_STATE_NAME,
  /** A state name with a character the Step Functions API forbids in its other names (warning). */
  STATE_NAME_CHARACTERS,

  // --- Choice states ----------------------------------------------------------------------------

  /** A Choice rule without exactly one operator, or with Variable where it has none. */
  INVALID_CHOICE_RULE,
  /** A value that looks like a path in a field that takes a literal (warning). */
  NO_PATH,

  // --- Retry and Catch --------------------------------------------------------------------------

  /** States.ALL is not alone in its ErrorEquals, or its retrier/catcher is not the last. */
  STATES_ALL_NOT_LAST,
  /** An error name starting with {@code States.} that the service never raises. */
  UNKNOWN_PREDEFINED_ERROR,

  // --- State fields -----------------------------------------------------------------------------

  /** HeartbeatSeconds is not less than TimeoutSeconds. */
  HEARTBEAT_NOT_BELOW_TIMEOUT,
  /** A Credentials field that is not an object. */
  INVALID_CREDENTIALS,
  /** A Map Label longer than 40 characters or with a forbidden character. */
  INVALID_LABEL_NAME,
  /** Two Map states share a Label. */
  DUPLICATE_LABEL_NAME,
  /** A Task Resource that does not look like an ARN or a placeholder (warning, or error). */
  INVALID_RESOURCE,

  // --- Paths, payloads and intrinsic functions --------------------------------------------------

  /** A JSONPath that Jayway JsonPath's compiler rejects, or that does not start with $. */
  INVALID_JSONPATH,
  /** A path that must select one value (a reference path) but may select several. */
  INVALID_REFERENCE_PATH,
  /** A key ending in {@code .$} whose value is neither a path nor an intrinsic call. */
  INVALID_DOLLAR_FIELD,
  /** A value that looks like a path or intrinsic under a key without {@code .$} (warning). */
  NO_DOLLAR,
  /** A path or {@code .$} key in a Pass state's Result, which is never evaluated (warning). */
  PASS_RESULT_IS_STATIC,
  /** An intrinsic function call that does not parse. */
  INVALID_INTRINSIC,
  /** An intrinsic function name the language does not define. */
  INVALID_FUNCTION,
  /** An intrinsic function called with the wrong number of arguments. */
  WRONG_ARGUMENT_COUNT,
  /** An intrinsic call in a field that takes only a path (InputPath, ResultPath, ...). */
  INTRINSIC_NOT_ALLOWED,
  /** An Assign key that is not a valid variable name. */
  INVALID_VARIABLE_NAME,

  // --- JSONata ----------------------------------------------------------------------------------

  /** A {@code {% %}} JSONata expression that the JSONata parser rejects. */
  INVALID_JSONATA,
  /** {@code $states.result} or {@code $states.errorOutput} where the state has no such value. */
  STATES_VARIABLE_UNAVAILABLE,
  /** A {@code {% %}} string in a JSONPath state, which sends it literally (warning). */
  JSONATA_IN_JSONPATH_STATE,
  /** A {@code .$} key in a JSONata state, which sends it literally (warning). */
  JSONPATH_IN_JSONATA_STATE,

  // --- Integrations, deployment and limits ------------------------------------------------------

  /** A .sync or .waitForTaskToken integration in an Express state machine. */
  EXPRESS_UNSUPPORTED_INTEGRATION,
  /** A .waitForTaskToken task that never passes the task token to its worker. */
  MISSING_TASK_TOKEN,
  /** A CloudFormation placeholder where a number or boolean is required. */
  PLACEHOLDER_IN_TYPED_FIELD,
  /** A Retry or Catch on an optimized integration names an error in the AWS SDK integration's style. */
  OPTIMIZED_ERROR_NAME,
  /** A Retry or Catch on an AWS SDK integration names an error in the optimized integration's style. */
  SDK_ERROR_NAME,
  /** A definition larger than the service's 1,048,576 bytes. */
  DEFINITION_TOO_LARGE,

  // --- Agreeing with the service (issue 16) ----------------------------------------------------

  /** A {@code ${Name}} placeholder without its closing brace, which nothing substitutes. */
  UNCLOSED_PLACEHOLDER,
  /** An intrinsic function called with a literal argument of the wrong type. */
  INVALID_ARGUMENT_TYPE,
  /** A JSONPath filter that compares with an unquoted word, which the service reads as text (warning). */
  UNQUOTED_FILTER_WORD,
  /**
   * A literal ARN a Task passes to the service it calls that fits no ARN format its service has,
   * or a malformed SQS queue URL (warning: the service accepts the definition, the call fails).
   */
  MALFORMED_ARN,

  // --- Building a workflow in Java --------------------------------------------------------------
  // The DSL reports these as io.statecraft.dsl.BuildIssue.Code (dsl cannot see this registry; a
  // test checks that every constant there is one here), plus DUPLICATE_STATE_NAME above.

  /** One state object reached from two scopes: a transition into or out of a Parallel branch or Map. */
  TRANSITION_OUT_OF_SCOPE,
  /** A Task built with neither an integration nor a resource ARN. */
  MISSING_RESOURCE,
  /** A Map built without an item processor. */
  MISSING_ITEM_PROCESSOR,
  /** A state chained into a state machine built in Java but not reachable from its start (warning). */
  DROPPED_STATE,
  /** A workflow id that is not 1 to 64 lower-case letters, digits and hyphens, starting with a letter. */
  INVALID_WORKFLOW_ID,

  // --- Generating the CloudFormation template ---------------------------------------------------

  /** A parameter, resource or output name that CloudFormation does not accept. */
  INVALID_LOGICAL_ID,
  /** Two parameters, resources, outputs or placeholders with one name. */
  DUPLICATE_LOGICAL_ID,
  /** A parameter declared but used nowhere (warning). */
  UNUSED_PARAMETER,
  /** A placeholder of the definition that no parameter or resource fills in. */
  MISSING_SUBSTITUTION,
  /** A NoEcho parameter substituted into the definition, where anyone could read it. */
  NOECHO_IN_DEFINITION,
  /** A NoEcho parameter handed to a property that shows its value. */
  NOECHO_EXPOSED,
  /** A secret of a connection given by a parameter that is not NoEcho. */
  SECRET_NOT_NOECHO,
  /** A parameter setting that contradicts another (default outside the allowed values, ...). */
  INVALID_PARAMETER,
  /** A {@code Ref}, {@code Fn::GetAtt} or {@code Fn::Sub} naming nothing in the template. */
  UNKNOWN_REFERENCE,
  /** An IAM action that AWS does not define. */
  UNKNOWN_IAM_ACTION,
  /** A resource property that is missing or out of range. */
  INVALID_RESOURCE_PROPERTY,
  /** An existing log group's ARN parameter whose default is no log group ARN ending in {@code :*}. */
  INVALID_LOG_GROUP_ARN,
  /** A cron, rate or at expression that the service would reject. */
  INVALID_SCHEDULE_EXPRESSION,
  /** A time zone that is not an IANA name. */
  INVALID_TIME_ZONE,
  /** A Lambda runtime that can no longer be used to create functions. */
  DEPRECATED_RUNTIME,
  /** A maintenance window task input that never uses {{TARGET_ID}} (warning). */
  MISSING_TARGET_ID,
  /** A Task that calls a service but declares no permission for the execution role (warning). */
  MISSING_TASK_PERMISSIONS,
  /** A distributed Map whose S3 reader or writer location is known only at run time (warning). */
  MISSING_MAP_PERMISSIONS,
  /** A template, its Description, a role's inline policies or the definition over its size limit. */
  TOO_LARGE,
  /** More parameters, resources or outputs than a template may have. */
  TOO_MANY,

  // --- Reported by AWS (validate --remote) ------------------------------------------------------
  // Step Functions' diagnostics keep their own code when this registry has it (MISSING_END_STATE,
  // NO_DOLLAR, ...); these are the ones only the service reports.

  /** Step Functions' schema check rejected the definition (the service's own name for this). */
  SCHEMA_VALIDATION_FAILED,
  /** States nested deeper than the service allows (the service's own name for this). */
  TOO_DEEPLY_NESTED,
  /** A diagnostic code Step Functions added after this release; the message starts with it. */
  SERVICE_DIAGNOSTIC,
  /** CloudFormation's ValidateTemplate rejected the template. */
  TEMPLATE_VALIDATION_ERROR,
  /** A template too large to validate by body, and no S3 bucket to validate it from (warning). */
  TEMPLATE_NOT_VALIDATED,

  // --- Release: template conditions, versions, aliases, deployments, encryption --------------------

  /** A template condition that CloudFormation would reject (Fn::And/Fn::Or with fewer than 2 or more than 10 parts). */
  INVALID_CONDITION,
  /** A resource, output or property that refers to a resource created only under a condition, outside that condition. */
  CONDITIONAL_REFERENCE,
  /** An alias whose name Step Functions rejects, an alias without a published version, or a deployment without an alias. */
  INVALID_ALIAS,
  /** A deployment preference CloudFormation rejects: percentage, interval or alarms out of range. */
  INVALID_DEPLOYMENT,
  /**
   * An alias routing CloudFormation rejects: more than two versions, a weight outside 0 to 100,
   * weights not adding up to 100, one version twice, or routing beside a deployment preference.
   */
  INVALID_ROUTING,
  /**
   * A customer managed key configuration Step Functions rejects or that cannot work: a data key
   * reuse period outside 60 to 900 seconds, or log encryption without the template's log group.
   */
  INVALID_ENCRYPTION,
  /** An Express workflow with logging off, whose runs then leave no history anywhere (warning). */
  EXPRESS_WITHOUT_LOGS,

  // --- Data flow --------------------------------------------------------------------------------
  // What io.statecraft.asl.flow finds by following values along every path of the state graph.

  /** A variable read where no path assigns it (error), or where some path does not (warning). */
  UNASSIGNED_VARIABLE,
  /** A variable read outside the scope that assigns it (a Parallel branch, a Map iteration). */
  VARIABLE_OUT_OF_SCOPE,
  /** A variable assigned and never read afterwards (warning). */
  UNUSED_VARIABLE,
  /** A path reading a field that an earlier state's output cannot have (warning). */
  FIELD_NOT_IN_INPUT,
  /** A comparison or function given a value whose known type it does not take (warning). */
  TYPE_MISMATCH,
  /** A read of an AWS SDK call's result naming a member its response does not have (warning). */
  UNKNOWN_RESULT_FIELD
}
