/** Compiles {@link io.statecraft.dsl.workflow.Workflow}s into definitions, templates and diagrams. */
package io.statecraft.generator.workflow;
