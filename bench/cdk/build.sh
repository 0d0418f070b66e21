#!/usr/bin/env bash
# Builds the CDK app of bench/startup.sh: downloads aws-cdk-lib from Maven Central into the local
# repository the first time (the CDK is not a dependency of Statecraft) and writes
# target/classpath.txt. Running the app needs Node.js (jsii runs the CDK's JavaScript).
set -euo pipefail
cd "$(dirname "$0")"
mvn -B -ntp -q compile
