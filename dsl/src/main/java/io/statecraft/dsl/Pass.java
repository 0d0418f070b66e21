package io.statecraft.dsl;

import io.statecraft.dsl.asl.AslPass;
import io.statecraft.dsl.asl.AslState;

/** A {@code Pass} state: passes its input on, reshaped, or a fixed result. */
public final class Pass extends State<Pass> implements Chainable<Pass>, HasInputOutput<Pass>,
    HasAssign<Pass>, HasParameters<Pass>, HasResultPath<Pass> {

  private Value result;

  private Pass(String name) {
    super(name);
  }

  /**
   * A new Pass state called {@code name}, its key under {@code States}. Use one to reshape data,
   * set variables, or stand in for work not written yet.
   */
  public static Pass named(String name) {
    return new Pass(name);
  }

  /** {@code Result} (JSONPath): a fixed value, any JSON. */
  public Pass result(Value result) {
    this.result = result;
    return this;
  }

  @Override
  AslState toAsl(DefinitionBuilder builder) {
    return new AslPass(commentValue(), queryLanguageValue(), io, result, nextName(), next == null,
        extensionsValue());
  }
}
