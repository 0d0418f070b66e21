import javax.xml.parsers.DocumentBuilderFactory

// What archetype:generate made, and what mvn verify did with it as generated.
File project = new File(basedir, 'reminders')
['pom.xml',
 'src/main/java/com/example/reminders/DailyReminder.java',
 'src/main/resources/META-INF/services/io.statecraft.dsl.workflow.Workflow',
 'src/test/java/com/example/reminders/DailyReminderTest.java'].each { name ->
  assert new File(project, name).isFile() : "not generated: $name"
}
String pom = new File(project, 'pom.xml').text
assert pom.contains('<statecraft.version>' + pluginVersion + '</statecraft.version>')
assert !pom.contains('@') : 'every @...@ of the archetype\'s pom.xml was filtered'
assert new File(project, 'src/main/resources/META-INF/services/io.statecraft.dsl.workflow.Workflow').text ==
    'com.example.reminders.DailyReminder\n'

String log = new File(basedir, 'build.log').text
// Without -DarchetypeVersion, the version came from the local catalog, not the plugin's fallback 1.0.
assert log.contains('found in catalog local')
assert !log.contains('Specified archetype not found')
assert log.contains('Tests run: 3, Failures: 0, Errors: 0, Skipped: 0')
assert log.contains('Workflow coverage of daily-reminder: ')
assert !(log =~ /MISSED/) : 'the generated test covers every state, rule and retrier'
// The build of the generated project warns about nothing (the test repository's mirror has no
// checksums: those warnings are the test setup's).
String projectBuild = log.substring(log.indexOf('Building reminders'))
def warnings = projectBuild.readLines().findAll { it.startsWith('[WARNING]') }
    .findAll { !it.contains('Could not validate integrity') && !it.contains('Checksum validation failed') }
assert warnings == [] : 'a generated project builds without warnings'

// The plugin wrote the files and the template has the parameter, the topic and the schedule.
File out = new File(project, 'target/statecraft/daily-reminder')
['definition.asl.json', 'template.yaml', 'template.json', 'diagram.mmd'].each { name ->
  assert new File(out, name).isFile() : "missing $name"
}
String template = new File(out, 'template.yaml').text
assert template.contains('Team:')
assert template.contains('AWS::SNS::Topic')
assert template.contains('AWS::Scheduler::Schedule')
assert template.contains('cron(0 9 ? * MON-FRI *)')
String definition = new File(out, 'definition.asl.json').text
assert definition.contains('"Resource": "arn:aws:states:::aws-sdk:sns:publish"')

// statecraft-bom lists every module the reactor publishes (all but bench, and itself).
def readPom = { String path -> DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new File(reactorRoot, path)).documentElement }
def children = { element, String name -> (0..<element.childNodes.length).collect { element.childNodes.item(it) }.findAll { it.nodeName == name } }
def text = { element, String name -> children(element, name)[0].textContent.trim() }

def modules = children(children(readPom('pom.xml'), 'modules')[0], 'module')*.textContent*.trim()
def published = modules.findAll { !(it in ['bom', 'bench']) }.collect { text(readPom(it + '/pom.xml'), 'artifactId') }
def managed = children(children(children(readPom('bom/pom.xml'), 'dependencyManagement')[0], 'dependencies')[0], 'dependency')
    .findAll { text(it, 'groupId') == 'io.statecraft' }.collect { text(it, 'artifactId') }
assert managed.sort() == published.sort()
true
