package io.statecraft.dsl.asl;

import io.statecraft.dsl.Value;

/**
 * The fields that shape a state's data. Which of them a state may carry depends on its type and
 * query language; the validator says so, this record only holds them.
 *
 * @param inputPath JSONPath: the part of the input the state sees ({@code NullValue} for none)
 * @param parameters JSONPath: the payload template (Task, Pass, Parallel; legacy Map)
 * @param resultSelector JSONPath: the template applied to a task's result
 * @param resultPath JSONPath: where the result goes in the input ({@code NullValue} to discard)
 * @param outputPath JSONPath: the part of the combined document passed on
 * @param arguments JSONata: the payload (an object, or an expression)
 * @param output JSONata: the state output
 * @param assign both languages: the variables set by the state
 */
public record AslIo(
    Value inputPath,
    Value parameters,
    Value resultSelector,
    Value resultPath,
    Value outputPath,
    Value arguments,
    Value output,
    Value assign) {

  /** No data fields at all: each takes the language's default, and nothing is written for them. */
  public static final AslIo NONE = new AslIo(null, null, null, null, null, null, null, null);

  /** Whether the state has none of these fields, so that nothing is written for them. */
  public boolean isEmpty() {
    return equals(NONE);
  }

  /** A copy with {@code InputPath} set ({@code null} removes it). */
  public AslIo withInputPath(Value value) {
    return new AslIo(value, parameters, resultSelector, resultPath, outputPath, arguments, output, assign);
  }

  /** A copy with {@code Parameters} set ({@code null} removes it). */
  public AslIo withParameters(Value value) {
    return new AslIo(inputPath, value, resultSelector, resultPath, outputPath, arguments, output, assign);
  }

  /** A copy with {@code ResultSelector} set ({@code null} removes it). */
  public AslIo withResultSelector(Value value) {
    return new AslIo(inputPath, parameters, value, resultPath, outputPath, arguments, output, assign);
  }

  /**
   * A copy with {@code ResultPath} set ({@code null} removes it; {@code NullValue} writes {@code
   * "ResultPath": null}, which discards the result).
   */
  public AslIo withResultPath(Value value) {
    return new AslIo(inputPath, parameters, resultSelector, value, outputPath, arguments, output, assign);
  }

  /** A copy with {@code OutputPath} set ({@code null} removes it). */
  public AslIo withOutputPath(Value value) {
    return new AslIo(inputPath, parameters, resultSelector, resultPath, value, arguments, output, assign);
  }

  /** A copy with {@code Arguments} set ({@code null} removes it). */
  public AslIo withArguments(Value value) {
    return new AslIo(inputPath, parameters, resultSelector, resultPath, outputPath, value, output, assign);
  }

  /** A copy with {@code Output} set ({@code null} removes it). */
  public AslIo withOutput(Value value) {
    return new AslIo(inputPath, parameters, resultSelector, resultPath, outputPath, arguments, value, assign);
  }

  /** A copy with {@code Assign} set ({@code null} removes it). */
  public AslIo withAssign(Value value) {
    return new AslIo(inputPath, parameters, resultSelector, resultPath, outputPath, arguments, output, value);
  }
}
