package io.statecraft.dsl;

import io.statecraft.dsl.asl.AslState;
import io.statecraft.dsl.asl.AslSucceed;

/** A {@code Succeed} state: ends the execution, or its branch, successfully. */
public final class Succeed extends State<Succeed> implements HasInputOutput<Succeed> {

  private Succeed(String name) {
    super(name);
  }

  /**
   * A new Succeed state called {@code name}, its key under {@code States}. Use one to end a Choice
   * branch or a Map iteration early with success; a chain's last state can also simply end.
   */
  public static Succeed named(String name) {
    return new Succeed(name);
  }

  @Override
  AslState toAsl(DefinitionBuilder builder) {
    return new AslSucceed(commentValue(), queryLanguageValue(), io, extensionsValue());
  }
}
