package bench.flows;

/** Benchmark workflow orders: 20 states and a Succeed. */
public final class Orders extends StepChain {
  public Orders() {
    super("orders", 20);
  }
}
