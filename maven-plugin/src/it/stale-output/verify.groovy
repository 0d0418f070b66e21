String sep = File.separator
File out = new File(basedir, 'target/statecraft')
String log = new File(basedir, 'build.log').text

// Build 2 removed farewell's files (the folder stays: it holds the user's NOTES.md) and greeting's
// diagram, and said so.
assert log.count('[INFO] farewell: removed definition.asl.json, diagram.mmd, template.json, template.yaml from target'
    + sep + 'statecraft' + sep + 'farewell (no longer written)') == 1
assert log.count('[INFO] greeting: removed diagram.mmd from target' + sep + 'statecraft' + sep + 'greeting (no longer written)') == 1
// Build 3 removed greeting's files and then its empty folder, and wrote farewell's again.
assert log.count('[INFO] greeting: removed definition.asl.json, template.json, template.yaml from target' + sep
    + 'statecraft' + sep + 'greeting and the folder (no workflow has this id any more)') == 1
assert !new File(out, 'greeting').exists()
assert new File(out, 'farewell').list().sort() == ['NOTES.md', 'definition.asl.json', 'diagram.mmd', 'template.json', 'template.yaml']
// The copies in target/classes (addResources) went with the files they copy, folder and all.
File copies = new File(basedir, 'target/classes/statecraft')
String copied = 'target' + sep + 'classes' + sep + 'statecraft' + sep
assert log.count('[INFO] farewell: removed definition.asl.json, diagram.mmd, template.json, template.yaml from '
    + copied + 'farewell and the folder (no workflow has this id any more)') == 1
assert log.count('[INFO] greeting: removed diagram.mmd from ' + copied + 'greeting (no longer written)') == 1
assert log.count('[INFO] greeting: removed definition.asl.json, template.json, template.yaml from ' + copied
    + 'greeting and the folder (no workflow has this id any more)') == 1
assert copies.list().sort() == ['farewell', 'hand-made']
assert new File(copies, 'farewell').list().sort() == ['definition.asl.json', 'diagram.mmd', 'template.json', 'template.yaml']
assert new File(copies, 'hand-made/definition.asl.json').text == '{}\n'
// A folder the plugin never wrote is not touched.
assert new File(out, 'hand-made/definition.asl.json').text == '{}\n'
true
