package io.statecraft.asl.validate;

/** The workflow type a definition will be deployed as; some rules differ for Express workflows. */
public enum StateMachineType {
  STANDARD,
  EXPRESS,
  /** Not known, as for a lone definition file: rules that depend on the type are skipped. */
  UNKNOWN
}
