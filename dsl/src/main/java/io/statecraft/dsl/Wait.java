package io.statecraft.dsl;

import io.statecraft.dsl.asl.AslState;
import io.statecraft.dsl.asl.AslWait;

/** A {@code Wait} state: pauses for some seconds or until a time; set exactly one of the four. */
public final class Wait extends State<Wait> implements Chainable<Wait>, HasInputOutput<Wait>,
    HasAssign<Wait> {

  private Value seconds;
  private Value secondsPath;
  private Value timestamp;
  private Value timestampPath;

  private Wait(String name) {
    super(name);
  }

  /**
   * A new Wait state called {@code name}, its key under {@code States}. Set exactly one of {@code
   * Seconds}, {@code SecondsPath}, {@code Timestamp} or {@code TimestampPath}.
   */
  public static Wait named(String name) {
    return new Wait(name);
  }

  /** {@code Seconds}. */
  public Wait seconds(int seconds) {
    return seconds(Value.of(seconds));
  }

  /** {@code Seconds} as a JSONata expression or a deploy-time placeholder. */
  public Wait seconds(Value seconds) {
    this.seconds = seconds;
    return this;
  }

  /** {@code SecondsPath} (JSONPath). */
  public Wait secondsPath(Path path) {
    this.secondsPath = path;
    return this;
  }

  /** {@code Timestamp}: an ISO-8601 time such as {@code 2026-03-14T01:59:00Z}. */
  public Wait timestamp(String timestamp) {
    return timestamp(Value.of(timestamp));
  }

  /**
   * {@code Timestamp} as a JSONata expression or a deploy-time placeholder, evaluated when the
   * state runs.
   */
  public Wait timestamp(Value timestamp) {
    this.timestamp = timestamp;
    return this;
  }

  /** {@code TimestampPath} (JSONPath). */
  public Wait timestampPath(Path path) {
    this.timestampPath = path;
    return this;
  }

  @Override
  AslState toAsl(DefinitionBuilder builder) {
    return new AslWait(commentValue(), queryLanguageValue(), io, seconds, secondsPath, timestamp,
        timestampPath, nextName(), next == null, extensionsValue());
  }
}
