// What `mvn install` of the archetype leaves in a user's local repository besides the artifact:
// its entry in the local archetype catalog (maven-archetype-plugin's update-local-catalog, bound to
// install; it keeps one entry per archetype, with the version installed last). invoker:install
// copies artifacts only, so the entry is written here, into the tests' own local repository.
File catalog = new File(localRepositoryPath, 'archetype-catalog.xml')
catalog.text = """<?xml version="1.0" encoding="UTF-8"?>
<archetype-catalog xmlns="http://maven.apache.org/plugins/maven-archetype-plugin/archetype-catalog/1.0.0"
    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xsi:schemaLocation="http://maven.apache.org/plugins/maven-archetype-plugin/archetype-catalog/1.0.0 https://maven.apache.org/xsd/archetype-catalog-1.0.0.xsd">
  <archetypes>
    <archetype>
      <groupId>io.statecraft</groupId>
      <artifactId>statecraft-archetype</artifactId>
      <version>${pluginVersion}</version>
    </archetype>
  </archetypes>
</archetype-catalog>
"""
true
