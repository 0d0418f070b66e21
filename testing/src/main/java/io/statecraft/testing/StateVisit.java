package io.statecraft.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

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
 * @param attempts how many times the state ran in this entry: 1, plus 1 for each retry
 * @param retries the retries each retrier of the state made, by the retrier's index in
 *     {@code Retry}; empty for a state without retriers
 */
public record StateVisit(String name, String type, JsonNode input, JsonNode output, String error, String cause,
    Instant entered, Instant exited, int attempts, List<Integer> retries) {

  /**
   * One entry of a state; the executor makes these.
   *
   * @param name the state's name
   * @param type the state's Type
   * @param input the state's input
   * @param output the state's output, or null when it failed
   * @param error the error it failed with, else null
   * @param cause the cause of that error, else null
   * @param entered the virtual time it was entered
   * @param exited the virtual time it was left
   * @param attempts how many times it ran, from 1
   * @param retries the retries of each retrier, copied
   * @throws IllegalArgumentException when {@code attempts} is below 1
   */
  public StateVisit {
    if (attempts < 1) {
      throw new IllegalArgumentException("attempts counts from 1, got " + attempts);
    }
    retries = List.copyOf(retries);
  }

  /**
   * Whether the state failed in this entry.
   *
   * @return true when it ended with an error, caught or not
   */
  public boolean failed() {
    return error != null;
  }
}
