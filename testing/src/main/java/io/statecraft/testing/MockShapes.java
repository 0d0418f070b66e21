package io.statecraft.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * The mock result check of {@link MockValidation}, run only when the AWS SDK's core is on the
 * class path: a test without the SDK runs as before, since there is no model to check against.
 */
final class MockShapes {

  private static final boolean SDK_PRESENT = isPresent("software.amazon.awssdk.core.SdkPojo");

  private MockShapes() {}

  /** What is wrong with a mock's result for {@code resource}; empty when it fits, is not checked, or has no model. */
  static Optional<String> problem(String resource, JsonNode result, MockValidation mode) {
    if (mode == MockValidation.NONE || !SDK_PRESENT) {
      return Optional.empty();
    }
    return ResponseShapes.problem(resource, result, mode);
  }

  private static boolean isPresent(String className) {
    try {
      Class.forName(className, false, MockShapes.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }
}
