/**
 * The three reference workflows, each a {@link io.statecraft.dsl.workflow.Workflow} listed in
 * {@code META-INF/services}: {@link io.statecraft.workflows.PatchAlerts patch-alerts},
 * {@link io.statecraft.workflows.PatchInfrequentInstances patch-infrequent-instances} and
 * {@link io.statecraft.workflows.ExposedAccessKey exposed-access-key}. Their pages under
 * {@code docs/workflows/} say what each does, its parameters and how to deploy it.
 */
package io.statecraft.workflows;
