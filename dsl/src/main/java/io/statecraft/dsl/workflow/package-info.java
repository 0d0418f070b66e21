/**
 * Workflows: a state machine plus the template parameters, triggers, supporting resources and
 * outputs it needs, compiled into a parameterized CloudFormation template.
 */
package io.statecraft.dsl.workflow;
