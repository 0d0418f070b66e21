package io.statecraft.testing;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension that records every execution a test class runs and, after the class, prints
 * its workflow coverage (states, Choice rules, catchers, retriers), publishes it as a report
 * entry, and writes each workflow's coverage diagram ({@code target/statecraft-coverage/<id>.mmd})
 * and a Markdown summary embedding them ({@code target/statecraft-coverage/<TestClass>.md}). Test and {@code @AfterAll} methods may take a {@link Coverage} parameter to assert on it.
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
      String testClass = context.getRequiredTestClass().getSimpleName();
      String report = coverage.report();
      System.out.print("[" + testClass + "] " + report);
      context.publishReportEntry("workflowCoverage", report);
      Path directory = CoverageFiles.directory();
      try {
        Path summary = CoverageFiles.write(directory, testClass, coverage);
        System.out.println("[" + testClass + "] Coverage diagrams: " + summary);
      } catch (IOException | RuntimeException e) {
        // The report is a by-product: a folder that cannot be written must not fail the tests.
        System.out.println("[" + testClass + "] Cannot write the coverage diagrams to " + directory + ": " + e.getMessage()
            + "; set -D" + CoverageFiles.DIRECTORY_PROPERTY + " to a folder that can be written");
      }
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
