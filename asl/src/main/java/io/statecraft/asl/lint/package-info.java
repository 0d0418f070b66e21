/** Linting of Step Functions definition files, shared by the command line and the Maven plugin. */
package io.statecraft.asl.lint;
