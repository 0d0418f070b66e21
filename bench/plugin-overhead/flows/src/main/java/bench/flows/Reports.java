package bench.flows;

/** Benchmark workflow reports: 40 states and a Succeed. */
public final class Reports extends StepChain {
  public Reports() {
    super("reports", 40);
  }
}
