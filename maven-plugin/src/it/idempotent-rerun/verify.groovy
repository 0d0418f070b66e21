import java.time.Instant

// The second build (nothing changed) and the third (forced to run in full) found everything up to
// date: they said so, and rewrote no file. Every file is older than the end of the first build (the
// log gives it to the second, so allow one second).
String log = new File(basedir, 'build.log').text
def finished = (log =~ /Finished at: (\S+)/).collect { it[1] }
assert finished.size() == 3 : 'three builds'
long firstBuildEnd = Instant.parse(finished[0].replaceAll(/([+-]\d\d):?(\d\d)$/, '$1:$2')).toEpochMilli() + 1000

File out = new File(basedir, 'target/statecraft/greeting')
['definition.asl.json', 'template.yaml', 'template.json', 'diagram.mmd'].each { name ->
  File file = new File(out, name)
  assert file.isFile() : "missing $file"
  assert file.lastModified() < firstBuildEnd : "$name was rewritten by the second build"
}
assert out.list().sort() == ['definition.asl.json', 'diagram.mmd', 'template.json', 'template.yaml'] : 'no temporary files left'
String sep = File.separator
assert log.count('[INFO] greeting: wrote definition.asl.json, template.yaml, template.json, diagram.mmd to target' + sep + 'statecraft' + sep + 'greeting') == 1
assert log.count('[INFO] greeting: up to date (target' + sep + 'statecraft' + sep + 'greeting)') == 2
true
