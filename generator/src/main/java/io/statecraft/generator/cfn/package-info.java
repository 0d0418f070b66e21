/**
 * CloudFormation templates for workflows: parameters, supporting resources, triggers, the
 * execution role derived from the integrations, outputs, and the checks run before writing.
 */
package io.statecraft.generator.cfn;
