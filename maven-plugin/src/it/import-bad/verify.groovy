// The whole failure message, and no file written, no stack trace.
String log = new File(basedir, 'build.log').text
String expected = '[ERROR] Failed to execute goal io.statecraft:statecraft-maven-plugin:' + pluginVersion + ':import (default-cli) on project standalone-pom: broken.yaml has errors, so it cannot be used by import; fix them first (statecraft:lint)\n' +
    '[ERROR]   broken.yaml: ERROR MISSING_END_STATE /States: The top level has no terminal state, so it can never finish; end a path with a Succeed or Fail state or "End": true\n' +
    '[ERROR]   broken.yaml: ERROR MISSING_TRANSITION_TARGET /States/A/Next: Next names \'B\', but the top level has no state of that name (names are case-sensitive)\n' +
    '[ERROR] -> [Help 1]'
assert log.contains(expected) : "expected:\n$expected\nin:\n$log"
assert !new File(basedir, 'src').exists() : 'nothing written'
assert !(log =~ /(?m)^\s+at /) : 'no stack trace'
true
