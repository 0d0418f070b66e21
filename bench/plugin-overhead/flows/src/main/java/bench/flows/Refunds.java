package bench.flows;

/** Benchmark workflow refunds: 30 states and a Succeed. */
public final class Refunds extends StepChain {
  public Refunds() {
    super("refunds", 30);
  }
}
