/**
 * The Amazon States Language as immutable Java values: what the DSL builds, what the canonical
 * writer writes, and what the reader reads from any valid definition, legacy forms included.
 *
 * <p>Optional fields are {@code null} when absent. A path field that may be JSON {@code null}
 * ({@code InputPath}, {@code OutputPath}, {@code ResultPath}) holds {@link
 * io.statecraft.dsl.NullValue#INSTANCE} for that. Fields this model does not know are kept in
 * each record's {@code extensions}, in order, so that they survive every round trip.
 */
package io.statecraft.dsl.asl;
