package io.newswire.fetcher.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourcesFileTest {

  @Test
  void readsTheDocumentedFormatAndWritesItBack(@TempDir Path dir) throws Exception {
    String yaml =
        """
        sources:
          - name: seed-reports
            type: folder        # watched recursively
            path: deploy/seed/reports
          - name: some-think-tank
            type: feed
            url: https://example.org/feed.xml
            interval: 10m
        """;
    List<SourceDefinition> sources = SourcesFile.parse(yaml, "sources.yaml");
    assertEquals(
        List.of(
            new SourceDefinition(
                "seed-reports", SourceType.FOLDER, "deploy/seed/reports", null, null),
            new SourceDefinition(
                "some-think-tank",
                SourceType.FEED,
                null,
                "https://example.org/feed.xml",
                Duration.ofMinutes(10))),
        sources);
    Path file = dir.resolve("sources.yaml");
    SourcesFile.write(file, sources);
    assertEquals(sources, SourcesFile.read(file));
  }

  @Test
  void errorsNameTheEntryAndTheProblem() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                SourcesFile.parse(
                    "sources:\n  - name: x\n    type: feed\n    url: file:///etc/passwd\n",
                    "s.yaml"));
    assertTrue(
        e.getMessage().contains("source #1") && e.getMessage().contains("http or https"),
        e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> SourcesFile.parse("sources:\n  - name: x\n    type: blog\n", "s.yaml"));
    assertTrue(e.getMessage().contains("unknown source type 'blog'"), e.getMessage());
  }

  @Test
  void pollIntervalAdaptsBetweenFloorAndCeiling() {
    PollSchedule s =
        new PollSchedule(Duration.ofMinutes(10), Duration.ofMinutes(1), Duration.ofMinutes(30), 0);
    assertEquals(Duration.ofMinutes(5), s.next(3));
    for (int i = 0; i < 10; i++) {
      s.next(1);
    }
    assertEquals(Duration.ofMinutes(1), s.current());
    for (int i = 0; i < 20; i++) {
      s.next(0);
    }
    assertEquals(Duration.ofMinutes(30), s.current());
  }
}
