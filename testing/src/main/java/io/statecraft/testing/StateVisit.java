package io.statecraft.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * One time a state was entered: what it received and what it passed on.
 *
 * @param name the state's name
 * @param type the state's Type, e.g. {@code Task}
 * @param input the state's input, before InputPath or Arguments
 * @param output the state's output, or null when the state failed
 * @param error the error the state failed with (after retries, whether caught or not), else null
 * @param cause the cause of that error, else null
 * @param entered the virtual time the state was entered
 * @param exited the virtual time it was left
 */
public record StateVisit(String name, String type, JsonNode input, JsonNode output, String error, String cause,
    Instant entered, Instant exited) {

  public boolean failed() {
    return error != null;
  }
}
