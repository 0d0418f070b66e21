// Files the plugin did not write: they must survive its clean-up.
File notes = new File(basedir, 'target/statecraft/farewell/NOTES.md')
notes.parentFile.mkdirs()
notes.text = 'kept\n'
File other = new File(basedir, 'target/statecraft/hand-made/definition.asl.json')
other.parentFile.mkdirs()
other.text = '{}\n'
File otherCopy = new File(basedir, 'target/classes/statecraft/hand-made/definition.asl.json')
otherCopy.parentFile.mkdirs()
otherCopy.text = '{}\n'
true
