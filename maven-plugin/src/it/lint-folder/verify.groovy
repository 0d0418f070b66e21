// Every problem of every definition file under flows/, relative paths, sorted; no stack trace.
String log = new File(basedir, 'build.log').text
String sep = File.separator
String expected = '[ERROR] Failed to execute goal io.statecraft:statecraft-maven-plugin:' + pluginVersion + ':lint (default-cli) on project standalone-pom: statecraft lint: 3 files, 2 errors, 1 warning\n' +
    '[ERROR]   flows' + sep + 'nested' + sep + 'bad.yaml: ERROR MISSING_END_STATE /States: The top level has no terminal state, so it can never finish; end a path with a Succeed or Fail state or "End": true\n' +
    '[ERROR]   flows' + sep + 'nested' + sep + 'bad.yaml: ERROR MISSING_TRANSITION_TARGET /States/A/Next: Next names \'B\', but the top level has no state of that name (names are case-sensitive)\n' +
    '[ERROR]   flows' + sep + 'warn.json: WARNING NO_DOLLAR /States/A/Parameters/id: \'id\' holds \'$.id\', which is sent as literal text because the key does not end in .$; rename the key to \'id.$\' to use the value at that path\n' +
    '[ERROR] -> [Help 1]'
assert log.contains(expected) : "expected:\n$expected\nin:\n$log"
assert !(log =~ /(?m)^\s+at /) : 'no stack trace'

// The same problems as SARIF, paths relative to the project folder, each at its line.
File sarif = new File(basedir, 'target/statecraft/problems.sarif')
assert sarif.isFile() : "no $sarif"
def results = new groovy.json.JsonSlurper().parse(sarif).runs[0].results
assert results.size() == 3
def next = results.find { it.properties.pointer == '/States/A/Next' }
assert next.ruleId == 'MISSING_TRANSITION_TARGET'
assert next.locations[0].physicalLocation.artifactLocation.uri == 'flows/nested/bad.yaml'
assert next.locations[0].physicalLocation.region.startLine == 5
true
