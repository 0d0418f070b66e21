package io.statecraft.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The kit brings a logging provider for JsonPath's SLF4J calls, so that SLF4J prints no NOP notice. */
class LoggingTest {

  @Test
  void theKitsRuntimeClasspathHasExactlyOneSlf4jProvider() throws ClassNotFoundException {
    // slf4j-api is a runtime dependency (through JsonPath), so the types are looked up by name.
    Class<?> provider = Class.forName("org.slf4j.spi.SLF4JServiceProvider");

    assertThat(ServiceLoader.load(provider).stream().map(found -> found.type().getName()).collect(Collectors.toList()))
        .containsExactly("org.slf4j.nop.NOPServiceProvider");
  }
}
