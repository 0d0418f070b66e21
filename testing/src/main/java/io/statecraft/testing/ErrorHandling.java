package io.statecraft.testing;

import io.statecraft.dsl.asl.AslCatcher;
import io.statecraft.dsl.asl.AslMap;
import io.statecraft.dsl.asl.AslParallel;
import io.statecraft.dsl.asl.AslRetrier;
import io.statecraft.dsl.asl.AslState;
import io.statecraft.dsl.asl.AslTask;
import java.util.List;

/** The retriers and catchers of a state: Task, Parallel and Map have them, other states none. */
final class ErrorHandling {

  private ErrorHandling() {}

  static List<AslRetrier> retriers(AslState state) {
    if (state instanceof AslTask task) {
      return task.retry();
    }
    if (state instanceof AslParallel parallel) {
      return parallel.retry();
    }
    if (state instanceof AslMap map) {
      return map.retry();
    }
    return List.of();
  }

  static List<AslCatcher> catchers(AslState state) {
    if (state instanceof AslTask task) {
      return task.catchers();
    }
    if (state instanceof AslParallel parallel) {
      return parallel.catchers();
    }
    if (state instanceof AslMap map) {
      return map.catchers();
    }
    return List.of();
  }
}
