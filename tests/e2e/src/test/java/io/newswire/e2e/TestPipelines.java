package io.newswire.e2e;

import io.newswire.launcher.Pipeline;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Starts Newswire for a test class in its temporary folder, with quick-starting service JVMs. */
final class TestPipelines {
  private TestPipelines() {}

  /**
   * @param sourcesYaml the fetcher's sources file
   */
  static Pipeline start(Path work, String sourcesYaml) throws IOException {
    return start(work, sourcesYaml, Map.of());
  }

  /**
   * @param properties settings for every service, e.g. a webhook allow-list for a receiver on
   *     loopback
   */
  static Pipeline start(Path work, String sourcesYaml, Map<String, String> properties)
      throws IOException {
    Path sources = work.resolve("sources.yaml");
    Files.writeString(sources, sourcesYaml);
    Pipeline pipeline =
        Pipeline.start(
            new Pipeline.Options(
                work.resolve("data"),
                work,
                sources,
                Map.of(),
                List.of("-XX:TieredStopAtLevel=1", "-Xmx384m"),
                properties),
            line -> System.out.println("[pipeline] " + line));
    Http.useKey(pipeline.apiKey());
    return pipeline;
  }
}
