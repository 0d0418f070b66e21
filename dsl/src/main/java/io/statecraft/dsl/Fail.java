package io.statecraft.dsl;

import io.statecraft.dsl.asl.AslFail;
import io.statecraft.dsl.asl.AslState;

/** A {@code Fail} state: ends the execution with an error name and a cause. */
public final class Fail extends State<Fail> {

  private Value error;
  private Value errorPath;
  private Value cause;
  private Value causePath;

  private Fail(String name) {
    super(name);
  }

  /**
   * A new Fail state called {@code name}, its key under {@code States}. Use one where the workflow
   * must stop with an error of its own; give it an {@code Error} a caller can match in {@code
   * ErrorEquals} and a {@code Cause} a person can read.
   */
  public static Fail named(String name) {
    return new Fail(name);
  }

  /** {@code Error}: the error name callers and catchers see. */
  public Fail error(String error) {
    return error(Value.of(error));
  }

  /** {@code Error} as a JSONata expression. */
  public Fail error(Value error) {
    this.error = error;
    return this;
  }

  /** {@code ErrorPath} (JSONPath): a reference path or an intrinsic call. */
  public Fail errorPath(Value pathOrIntrinsic) {
    this.errorPath = pathOrIntrinsic;
    return this;
  }

  /** {@code Cause}: a human-readable explanation. */
  public Fail cause(String cause) {
    return cause(Value.of(cause));
  }

  /**
   * {@code Cause} as a JSONata expression or a deploy-time placeholder, computed when the state
   * runs.
   */
  public Fail cause(Value cause) {
    this.cause = cause;
    return this;
  }

  /** {@code CausePath} (JSONPath): a reference path or an intrinsic call. */
  public Fail causePath(Value pathOrIntrinsic) {
    this.causePath = pathOrIntrinsic;
    return this;
  }

  @Override
  AslState toAsl(DefinitionBuilder builder) {
    return new AslFail(commentValue(), queryLanguageValue(), error, errorPath, cause, causePath,
        extensionsValue());
  }
}
