// -Dstatecraft.skip: nothing generated, and the log says why.
assert !new File(basedir, 'target/statecraft').exists()
String log = new File(basedir, 'build.log').text
assert log.contains('[INFO] Skipping Statecraft generation (statecraft.skip)')
true
