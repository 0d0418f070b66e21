package io.statecraft.testing;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension that records every execution a test class runs and, after the class, prints
 * its workflow coverage (states, Choice rules, catchers, retriers) and publishes it as a report
 * entry. Test and {@code @AfterAll} methods may take a {@link Coverage} parameter to assert on it.
 *
 * <pre>{@code
 * @ExtendWith(WorkflowCoverageExtension.class)
 * class PatchAlertsTest {
 *   @AfterAll
 *   static void everyPathTested(Coverage coverage) {
 *     assertThat(coverage).isComplete();
 *   }
 * }
 * }</pre>
 */
public final class WorkflowCoverageExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(WorkflowCoverageExtension.class);

  @Override
  public void beforeAll(ExtensionContext context) {
    context.getStore(NAMESPACE).put(context.getRequiredTestClass(), CoverageRecorder.open());
  }

  @Override
  public void afterAll(ExtensionContext context) {
    CoverageRecorder recorder = recorder(context);
    if (recorder == null) {
      return;
    }
    recorder.close();
    Coverage coverage = recorder.coverage();
    if (!coverage.isEmpty()) {
      String report = coverage.report();
      System.out.print("[" + context.getRequiredTestClass().getSimpleName() + "] " + report);
      context.publishReportEntry("workflowCoverage", report);
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == Coverage.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    CoverageRecorder recorder = recorder(context);
    return recorder == null ? Coverage.of() : recorder.coverage();
  }

  private static CoverageRecorder recorder(ExtensionContext context) {
    ExtensionContext.Store store = context.getStore(NAMESPACE);
    Object recorder = null;
    for (ExtensionContext at = context; at != null && recorder == null; at = at.getParent().orElse(null)) {
      if (at.getTestClass().isPresent()) {
        recorder = at.getStore(NAMESPACE).get(at.getTestClass().get());
      }
    }
    return recorder == null ? store.get(context.getRequiredTestClass(), CoverageRecorder.class) : (CoverageRecorder) recorder;
  }
}
