package io.statecraft.dsl;

/** How a Task waits for the service it calls. */
public enum IntegrationPattern {
  /** Returns as soon as the service accepts the request. */
  REQUEST_RESPONSE(""),
  /** Waits for the job to finish ({@code .sync}). */
  RUN_JOB(".sync"),
  /** Waits for the job to finish and returns JSON output ({@code .sync:2}). */
  RUN_JOB_JSON(".sync:2"),
  /** Waits until someone returns the task token ({@code .waitForTaskToken}). */
  WAIT_FOR_TASK_TOKEN(".waitForTaskToken");

  private final String suffix;

  IntegrationPattern(String suffix) {
    this.suffix = suffix;
  }

  /** The suffix of the resource ARN. */
  public String suffix() {
    return suffix;
  }

  /** The pattern a resource ARN asks for. */
  public static IntegrationPattern of(String resource) {
    if (resource.endsWith(".waitForTaskToken")) {
      return WAIT_FOR_TASK_TOKEN;
    }
    if (resource.endsWith(".sync:2")) {
      return RUN_JOB_JSON;
    }
    if (resource.endsWith(".sync")) {
      return RUN_JOB;
    }
    return REQUEST_RESPONSE;
  }
}
