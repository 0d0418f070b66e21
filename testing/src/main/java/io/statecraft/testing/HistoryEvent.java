package io.statecraft.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * One event of an execution's history, named as the service names them ({@code TaskStateEntered},
 * {@code TaskScheduled}, {@code TaskSucceeded}, {@code MapIterationStarted}, {@code
 * ExecutionSucceeded}...).
 *
 * @param id the event's number, from 1
 * @param type the service's event type name
 * @param timestamp the virtual time of the event
 * @param stateName the state it belongs to, or null for execution events
 * @param details what the service puts in the event's details: input, output, error, cause,
 *     resource, parameters, index
 */
public record HistoryEvent(long id, String type, Instant timestamp, String stateName, JsonNode details) {

  @Override
  public String toString() {
    return id + " " + type + (stateName == null ? "" : " " + stateName) + " " + JsonValues.compact(details);
  }
}
