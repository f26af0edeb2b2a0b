package io.newswire.fetcher.source.folder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 12: folder sources only under the allowed roots, judged by real paths. */
class FolderRootsTest {
  @TempDir Path dir;

  FolderRoots roots(String sourcesYaml) throws Exception {
    Path sources = dir.resolve("sources.yaml");
    if (sourcesYaml != null) {
      Files.writeString(sources, sourcesYaml);
    }
    Files.createDirectories(dir.resolve("reports"));
    return new FolderRoots(List.of(dir.resolve("reports").toString()), sources);
  }

  @Test
  void aRootAndWhatIsUnderItAreAllowedEvenBeforeTheyExist() throws Exception {
    FolderRoots roots = roots(null);
    assertEquals(
        dir.resolve("reports").toRealPath(), roots.check(dir.resolve("reports").toString()));
    assertTrue(
        roots.check(dir.resolve("reports/2026/new").toString()).endsWith("reports/2026/new"));
  }

  @Test
  void anythingElseIsRefusedNamingTheSetting() throws Exception {
    FolderRoots roots = roots(null);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> roots.check("/etc"));
    assertTrue(e.getMessage().contains("newswire.fetcher.folder-roots"), e.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> roots.check(dir.resolve("reports/../elsewhere").toString()));
    assertThrows(
        IllegalArgumentException.class, () -> roots.check(dir.resolve("reports-other").toString()));
  }

  @Test
  void aSymbolicLinkInsideARootDoesNotLeadOutOfIt() throws Exception {
    FolderRoots roots = roots(null);
    Path outside = Files.createDirectories(dir.resolve("private"));
    Files.createSymbolicLink(dir.resolve("reports/way-out"), outside);
    assertThrows(
        IllegalArgumentException.class,
        () -> roots.check(dir.resolve("reports/way-out").toString()));
    assertThrows(
        IllegalArgumentException.class,
        () -> roots.check(dir.resolve("reports/way-out/sub").toString()));
  }

  @Test
  void theFoldersTheSourcesFileNamesAreAllowed() throws Exception {
    Path watched = Files.createDirectories(dir.resolve("briefs"));
    FolderRoots roots =
        roots("sources:\n  - name: briefs\n    type: folder\n    path: " + watched + "\n");
    assertEquals(watched.toRealPath(), roots.check(watched.toString()));
    assertThrows(
        IllegalArgumentException.class, () -> roots.check(dir.resolve("other").toString()));
  }
}
