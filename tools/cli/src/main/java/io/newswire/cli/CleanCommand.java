package io.newswire.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newswire.extract.Extraction;
import io.newswire.extract.ExtractionException;
import io.newswire.extract.Extractor;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * {@code ./newswire clean --input DIR --output FILE.json}: cleans every {@code .html}, {@code .htm}
 * and {@code .txt} file in DIR and writes {@code {"<name>": {"title", "articleBody", "published",
 * "authors", "language", "section"}}}. HTML files are read as UTF-8 (the evaluation set is stored
 * that way whatever its pages declare); {@code .txt} files are cleaned as plain text. A file that
 * fails is reported and skipped; the exit status is 1 if any did. Needs no running Newswire: it is
 * the cleaner's extraction alone, as the evaluation scripts and the extraction benchmark use it.
 */
public final class CleanCommand {

  private CleanCommand() {}

  static int run(Path input, Path output, PrintStream log) throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.list(input)) {
      files = s.filter(CleanCommand::isCleanable).sorted().toList();
    }
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode result = json.createObjectNode();
    Extractor extractor = new Extractor();
    long start = System.nanoTime();
    int failed = 0;
    for (int i = 0; i < files.size(); i++) {
      Path f = files.get(i);
      String name = f.getFileName().toString();
      String id = name.substring(0, name.lastIndexOf('.'));
      String type = name.toLowerCase(Locale.ROOT).endsWith(".txt") ? "text/plain" : "text/html";
      try {
        String body = Files.readString(f, StandardCharsets.UTF_8);
        Extraction e = extractor.extract(body, type, null);
        ObjectNode o = result.putObject(id);
        o.put("title", e.title());
        o.put("articleBody", e.text());
        o.put("published", e.published());
        o.putPOJO("authors", e.authors());
        o.put("language", e.language());
        o.put("section", e.section());
        for (String w : e.warnings()) {
          log.println(name + ": warning: " + w);
        }
      } catch (ExtractionException | IOException e) {
        failed++;
        log.println(name + ": failed: " + e.getMessage());
      }
      if ((i + 1) % 50 == 0) {
        log.printf("%d/%d files%n", i + 1, files.size());
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    json.writeValue(output.toFile(), result);
    log.printf(
        Locale.ROOT,
        "cleaned %d files in %.1f s (%d failed)%n",
        files.size() - failed,
        seconds,
        failed);
    return failed == 0 ? 0 : 1;
  }

  private static boolean isCleanable(Path p) {
    String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
    return Files.isRegularFile(p)
        && (n.endsWith(".html") || n.endsWith(".htm") || n.endsWith(".txt"));
  }
}
