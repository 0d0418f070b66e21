/** Typed integrations for Task states: AWS SDK calls and the optimized service integrations. */
package io.statecraft.aws;
