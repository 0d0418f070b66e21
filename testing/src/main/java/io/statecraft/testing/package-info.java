/** Runs state machines offline, with mocked integrations and a virtual clock, for JUnit tests. */
package io.statecraft.testing;
