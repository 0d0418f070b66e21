package io.statecraft.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Collects the executions of a test class for {@link WorkflowCoverageExtension}. Every execution
 * is offered to every recorder open at the time, so test classes running in parallel see each
 * other's executions.
 */
final class CoverageRecorder {

  private static final List<CoverageRecorder> OPEN = new CopyOnWriteArrayList<>();

  private final List<Execution> executions = new ArrayList<>();

  static CoverageRecorder open() {
    CoverageRecorder recorder = new CoverageRecorder();
    OPEN.add(recorder);
    return recorder;
  }

  void close() {
    OPEN.remove(this);
  }

  static void offer(Execution execution) {
    for (CoverageRecorder recorder : OPEN) {
      synchronized (recorder) {
        recorder.executions.add(execution);
      }
    }
  }

  synchronized Coverage coverage() {
    return Coverage.of(new ArrayList<>(executions));
  }
}
