package io.newswire.fetcher.source.folder;

import static io.newswire.fetcher.TestSupport.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newswire.fetcher.ListSink;
import io.newswire.fetcher.source.SourceMonitor;
import io.newswire.model.DocumentIds;
import io.newswire.model.RawDocument;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderSourceTest {
  static final List<String> SEEDS =
      List.of(
          "000_fd365139ecb07d38.txt",
          "001_d0c8aea6b99f999c.txt",
          "002_d2404225d53646e3.txt",
          "003_6140f8882c5450fe.txt",
          "004_39f97dcc2323362a.txt");

  @TempDir Path root;
  final ListSink sink = new ListSink();
  final SourceMonitor monitor = new SourceMonitor(new SimpleMeterRegistry());

  FolderSource start(long maxBytes) throws IOException {
    FolderFiles files = new FolderFiles("seeds", root, maxBytes, sink, monitor);
    FolderSource source =
        new FolderSource("seeds", root, files, Duration.ofMillis(100), Duration.ofSeconds(1));
    source.start();
    return source;
  }

  static void copySeed(String name, Path to) throws IOException {
    try (InputStream in = FolderSourceTest.class.getResourceAsStream("/seeds/" + name)) {
      Files.write(to, in.readAllBytes());
    }
  }

  @Test
  void seedFilesDroppedIntoTheFolderBecomeDocuments() throws Exception {
    try (FolderSource source = start(10_000_000)) {
      for (String seed : SEEDS) {
        copySeed(seed, root.resolve(seed));
      }
      await("five documents", () -> sink.documents.size() == 5);
      RawDocument doc =
          sink.documents.stream()
              .filter(d -> d.url().equals("file:002_d2404225d53646e3.txt"))
              .findFirst()
              .orElseThrow();
      assertEquals(DocumentIds.forUrl("file:002_d2404225d53646e3.txt"), doc.id());
      assertEquals("text/plain", doc.contentType());
      assertEquals("UTF-8", doc.charset());
      assertEquals("seeds", doc.source());
      assertTrue(doc.body().contains("Continue Reading"));
    }
  }

  @Test
  void subfoldersAreWatchedAndHtmlIsTypedAsHtml() throws Exception {
    try (FolderSource source = start(10_000_000)) {
      Path sub = Files.createDirectories(root.resolve("a/b"));
      Files.writeString(sub.resolve("page.html"), "<html><body><p>Hello</p></body></html>");
      await("the nested page", () -> sink.documents.size() == 1);
      assertEquals("file:a/b/page.html", sink.documents.get(0).url());
      assertEquals("text/html", sink.documents.get(0).contentType());
    }
  }

  /** Issue 12: a watched folder must not be a way to read other local files, or hidden ones. */
  @Test
  void hiddenFilesHiddenFoldersAndSymbolicLinksAreNotRead(@TempDir Path elsewhere)
      throws Exception {
    Path secret = Files.writeString(elsewhere.resolve("creds.txt"), "password=hunter2");
    Files.createDirectories(elsewhere.resolve("dir"));
    Files.writeString(elsewhere.resolve("dir/inside.txt"), "outside the root");
    try (FolderSource source = start(10_000_000)) {
      Files.createDirectories(root.resolve(".hidden"));
      Files.writeString(root.resolve(".hidden/creds.txt"), "password=hunter2");
      Files.writeString(root.resolve(".env.txt"), "TOKEN=x");
      Files.createSymbolicLink(root.resolve("link.txt"), secret);
      Files.createSymbolicLink(root.resolve("linked-dir"), elsewhere.resolve("dir"));
      Files.writeString(root.resolve("visible.txt"), "A report anyone may read.");
      await("the visible report", () -> sink.documents.size() == 1);
      Thread.sleep(1500); // past a rescan, which must not find them either
      assertEquals(
          List.of("file:visible.txt"), sink.documents.stream().map(RawDocument::url).toList());
      assertTrue(sink.rejections.isEmpty(), "nothing dead-lettered either: " + sink.rejections);
    }
  }

  @Test
  void aFileIsEmittedAgainOnlyWhenItsContentChanges() throws Exception {
    Path file = root.resolve("report.txt");
    try (FolderSource source = start(10_000_000)) {
      Files.writeString(file, "first version");
      await("first version", () -> sink.documents.size() == 1);
      Files.writeString(file, "first version"); // touched, same bytes
      Files.writeString(root.resolve("other.txt"), "a later file, processed after the touch");
      await("the later file", () -> sink.documents.size() == 2);
      Files.writeString(file, "second version");
      await("second version", () -> sink.documents.size() == 3);
      assertEquals("second version", sink.documents.get(2).body());
    }
    // a restart with the same seen-state re-emits nothing
    try (FolderSource source = start(10_000_000)) {
      Files.writeString(root.resolve("third.txt"), "new after restart");
      await("the new file", () -> sink.documents.size() == 4);
      assertEquals("file:third.txt", sink.documents.get(3).url());
    }
  }

  @Test
  void binaryEmptyAndOversizeFilesAreRejectedAndTheWatchContinues() throws Exception {
    try (FolderSource source = start(1000)) {
      Files.write(root.resolve("scan.txt"), new byte[] {'%', 'P', 'D', 'F', 0, 1, 2, 3});
      Files.write(root.resolve("empty.txt"), new byte[0]);
      Files.writeString(root.resolve("huge.txt"), "x".repeat(5000));
      await("three rejections", () -> sink.rejections.size() == 3);
      Files.writeString(root.resolve("fine.txt"), "still watching");
      await("the good file", () -> sink.documents.size() == 1);
    }
    assertTrue(reasonFor("file:scan.txt").contains("binary"), reasonFor("file:scan.txt"));
    assertTrue(reasonFor("file:empty.txt").contains("empty input"), reasonFor("file:empty.txt"));
    assertTrue(reasonFor("file:huge.txt").contains("newswire.fetcher.max-body-bytes=1000"));
    assertEquals(1, monitor.errorCount("seeds", "binary"));
  }

  @Test
  void windows1252FilesAreDecodedWithoutMangling() throws Exception {
    try (FolderSource source = start(10_000_000)) {
      Files.write(
          root.resolve("cp.txt"),
          "Caf\u00e9 \u2014 na\u00efve".getBytes(Charset.forName("windows-1252")));
      await("the file", () -> sink.documents.size() == 1);
      assertEquals("windows-1252", sink.documents.get(0).charset());
      assertEquals("Caf\u00e9 \u2014 na\u00efve", sink.documents.get(0).body());
    }
  }

  private String reasonFor(String url) {
    String id = DocumentIds.forUrl(url);
    return sink.rejections.stream()
        .filter(r -> r.key().equals(id))
        .findFirst()
        .orElseThrow()
        .reason();
  }
}
