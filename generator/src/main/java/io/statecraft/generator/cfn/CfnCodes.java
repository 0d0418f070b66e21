package io.statecraft.generator.cfn;

/** The codes of problems found while generating a template, documented in docs/cloudformation.md. */
public final class CfnCodes {

  private CfnCodes() {}

  /** A parameter, resource or output name that CloudFormation does not accept. */
  public static final String INVALID_LOGICAL_ID = "INVALID_LOGICAL_ID";
  /** Two parameters, resources or placeholders with one name. */
  public static final String DUPLICATE_LOGICAL_ID = "DUPLICATE_LOGICAL_ID";
  /** A parameter declared but used nowhere. */
  public static final String UNUSED_PARAMETER = "UNUSED_PARAMETER";
  /** A placeholder of the definition that no parameter or resource fills in. */
  public static final String MISSING_SUBSTITUTION = "MISSING_SUBSTITUTION";
  /** A substitution that the definition does not use. */
  public static final String UNUSED_SUBSTITUTION = "UNUSED_SUBSTITUTION";
  /** A NoEcho parameter substituted into the definition, where anyone could read it. */
  public static final String NOECHO_IN_DEFINITION = "NOECHO_IN_DEFINITION";
  /** A NoEcho parameter handed to a property that shows its value. */
  public static final String NOECHO_EXPOSED = "NOECHO_EXPOSED";
  /** A secret of a connection given by a parameter that is not NoEcho. */
  public static final String SECRET_NOT_NOECHO = "SECRET_NOT_NOECHO";
  /** A parameter setting that contradicts another (default outside the allowed values, ...). */
  public static final String INVALID_PARAMETER = "INVALID_PARAMETER";
  /** A {@code Ref}, {@code Fn::GetAtt} or {@code Fn::Sub} naming nothing in the template. */
  public static final String UNKNOWN_REFERENCE = "UNKNOWN_REFERENCE";
  /** An IAM action that AWS does not define. */
  public static final String UNKNOWN_IAM_ACTION = "UNKNOWN_IAM_ACTION";
  /** A resource property that is missing or out of range. */
  public static final String INVALID_RESOURCE_PROPERTY = "INVALID_RESOURCE_PROPERTY";
  /** A cron, rate or at expression that the service would reject. */
  public static final String INVALID_SCHEDULE_EXPRESSION = "INVALID_SCHEDULE_EXPRESSION";
  /** A time zone that is not an IANA name. */
  public static final String INVALID_TIME_ZONE = "INVALID_TIME_ZONE";
  /** A Lambda runtime that can no longer be used to create functions. */
  public static final String DEPRECATED_RUNTIME = "DEPRECATED_RUNTIME";
  /** A maintenance window task input that never uses {{TARGET_ID}}. */
  public static final String MISSING_TARGET_ID = "MISSING_TARGET_ID";
  /** A Task that calls a service but declares no permission for the execution role. */
  public static final String MISSING_TASK_PERMISSIONS = "MISSING_TASK_PERMISSIONS";
  /** A template or definition over its size limit. */
  public static final String TOO_LARGE = "TOO_LARGE";
  /** More parameters, resources or outputs than a template may have. */
  public static final String TOO_MANY = "TOO_MANY";
}
