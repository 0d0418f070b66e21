/**
 * The Statecraft Maven plugin: the {@code generate} goal writes and attaches each workflow's
 * definition, templates and diagram; the {@code lint} goal checks ASL files.
 */
package io.statecraft.maven;
