package io.newswire.fetcher.source.folder;

import io.newswire.fetcher.source.SourceDefinition;
import io.newswire.fetcher.source.SourceType;
import io.newswire.fetcher.source.SourcesFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where folder sources may read: the folders of {@code newswire.fetcher.folder-roots} and those the
 * sources file names (the operator's own choices), compared by their real paths, so neither {@code
 * ..} nor a symbolic link leads a folder source out of them. Whoever can reach the API could
 * otherwise make any file the fetcher can read searchable.
 */
public final class FolderRoots {
  private final List<Path> configured;
  private final Path sourcesFile;

  public FolderRoots(List<String> roots, Path sourcesFile) {
    this.configured =
        roots.stream().filter(r -> !r.isBlank()).map(r -> Path.of(r.strip())).toList();
    this.sourcesFile = sourcesFile;
  }

  /**
   * The real path of {@code folder} when a folder source may watch it.
   *
   * @throws IllegalArgumentException naming the allowed roots and the setting to change
   */
  public Path check(String folder) {
    Path wanted = real(Path.of(folder));
    List<Path> allowed = allowed();
    for (Path root : allowed) {
      if (wanted.startsWith(root)) {
        return wanted;
      }
    }
    throw new IllegalArgumentException(
        "folder "
            + wanted
            + " is outside the folders a source may read ("
            + allowed
            + "): add it, or a folder above it, to newswire.fetcher.folder-roots in"
            + " config/application.properties, or name the source in "
            + sourcesFile);
  }

  /** The configured roots and the folders of the sources file, as real paths. */
  public List<Path> allowed() {
    List<Path> roots = new ArrayList<>();
    configured.forEach(r -> roots.add(real(r)));
    try {
      for (SourceDefinition d : SourcesFile.read(sourcesFile)) {
        if (d.type() == SourceType.FOLDER) {
          roots.add(real(Path.of(d.path())));
        }
      }
    } catch (IOException | RuntimeException e) {
      // an unreadable or broken sources file allows nothing more than the configured roots
    }
    return roots.stream().distinct().toList();
  }

  /**
   * The absolute path with every symbolic link of its existing part resolved: a folder that does
   * not exist yet is judged by the real path of its nearest existing parent.
   */
  static Path real(Path path) {
    Path absolute = path.toAbsolutePath().normalize();
    Path existing = absolute;
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing == null) {
      return absolute;
    }
    try {
      return existing.toRealPath().resolve(existing.relativize(absolute)).normalize();
    } catch (IOException e) {
      return absolute;
    }
  }
}
