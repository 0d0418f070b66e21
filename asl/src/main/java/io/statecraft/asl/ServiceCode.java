package io.statecraft.asl;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The code Step Functions' {@code ValidateStateMachineDefinition} reports for each problem, next to
 * Statecraft's own: its diagnostics have a dozen codes
 * (https://docs.aws.amazon.com/step-functions/latest/apireference/API_ValidateStateMachineDefinitionDiagnostic.html),
 * most problems falling under {@code SCHEMA_VALIDATION_FAILED}. A problem the service does not
 * report (it accepts the definition, or the problem is about Java or a template) has none.
 * {@code docs/validation-rules.md} shows both names; {@code ProblemCodeTest} checks that they agree.
 */
public final class ServiceCode {

  // Plain loops, no lambdas or streams: this runs once per cold JVM on every generate, where each
  // lambda is a class spun at run time (issue 19, bench/RESULTS.md).
  /** The service's code for everything its schema check rejects. */
  public static final String SCHEMA_VALIDATION_FAILED = "SCHEMA_VALIDATION_FAILED";

  // The service reports these under Statecraft's own name.
  private static final Set<ProblemCode> SAME_NAME = EnumSet.of(ProblemCode.INVALID_JSON_DESCRIPTION,
      ProblemCode.MISSING_DESCRIPTION, ProblemCode.DUPLICATE_STATE_NAME, ProblemCode.MISSING_TRANSITION_TARGET,
      ProblemCode.MISSING_END_STATE, ProblemCode.INVALID_STATE_NAME, ProblemCode.NO_PATH, ProblemCode.INVALID_RESOURCE,
      ProblemCode.NO_DOLLAR, ProblemCode.PASS_RESULT_IS_STATIC, ProblemCode.SCHEMA_VALIDATION_FAILED,
      ProblemCode.TOO_DEEPLY_NESTED);

  // The service's schema check rejects these, without a name of its own.
  private static final Set<ProblemCode> SCHEMA = EnumSet.of(ProblemCode.DUPLICATE_KEY,
      ProblemCode.NOT_A_STATE_MACHINE, ProblemCode.MISSING_REQUIRED_FIELD, ProblemCode.FIELD_NOT_ALLOWED,
      ProblemCode.UNKNOWN_FIELD, ProblemCode.JSONPATH_FIELD_IN_JSONATA_STATE, ProblemCode.JSONATA_FIELD_IN_JSONPATH_STATE,
      ProblemCode.QUERY_LANGUAGE_CONFLICT, ProblemCode.MUTUALLY_EXCLUSIVE_FIELDS, ProblemCode.INVALID_STATE_TYPE,
      ProblemCode.INVALID_VALUE_TYPE, ProblemCode.VALUE_OUT_OF_RANGE, ProblemCode.INVALID_ENUM_VALUE,
      ProblemCode.EMPTY_ARRAY, ProblemCode.INVALID_TIMESTAMP, ProblemCode.INVALID_CHOICE_RULE,
      ProblemCode.STATES_ALL_NOT_LAST, ProblemCode.HEARTBEAT_NOT_BELOW_TIMEOUT, ProblemCode.INVALID_CREDENTIALS,
      ProblemCode.INVALID_LABEL_NAME, ProblemCode.DUPLICATE_LABEL_NAME, ProblemCode.INVALID_JSONPATH,
      ProblemCode.INVALID_REFERENCE_PATH, ProblemCode.INVALID_DOLLAR_FIELD, ProblemCode.INVALID_INTRINSIC,
      ProblemCode.INVALID_FUNCTION, ProblemCode.WRONG_ARGUMENT_COUNT, ProblemCode.INTRINSIC_NOT_ALLOWED,
      ProblemCode.INVALID_VARIABLE_NAME, ProblemCode.INVALID_JSONATA, ProblemCode.STATES_VARIABLE_UNAVAILABLE,
      ProblemCode.EXPRESS_UNSUPPORTED_INTEGRATION, ProblemCode.PLACEHOLDER_IN_TYPED_FIELD,
      ProblemCode.INVALID_ARGUMENT_TYPE);

  private static final Map<ProblemCode, String> CODES = new EnumMap<>(ProblemCode.class);

  static {
    for (ProblemCode code : SAME_NAME) {
      CODES.put(code, code.name());
    }
    for (ProblemCode code : SCHEMA) {
      CODES.put(code, SCHEMA_VALIDATION_FAILED);
    }
    // The service does not tell an unreachable state from a transition to a missing one.
    CODES.put(ProblemCode.UNREACHABLE_STATE, ProblemCode.MISSING_TRANSITION_TARGET.name());
  }

  private ServiceCode() {}

  /** The code the service reports for {@code code}; empty when the service does not report it. */
  public static Optional<String> of(ProblemCode code) {
    return Optional.ofNullable(CODES.get(code));
  }
}
