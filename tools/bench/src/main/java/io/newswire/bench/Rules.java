package io.newswire.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Alert rules read from a file, one {@code query_string} a line; the id is the line number. Blank
 * lines and lines starting with {@code #} are skipped.
 */
public final class Rules {
  /** One rule: its id ({@code r00001} for line 1) and its query. */
  public record Line(String id, String query) {}

  private Rules() {}

  /** The first {@code limit} non-blank lines, or every {@code step}-th when sampling a subset. */
  public static List<Line> read(Path file, int limit, int step) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    List<Line> out = new ArrayList<>();
    for (int i = 0; i < lines.size() && out.size() < limit; i += step) {
      String query = lines.get(i).strip();
      if (!query.isEmpty() && !query.startsWith("#")) {
        out.add(new Line(String.format(Locale.ROOT, "r%05d", i + 1), query));
      }
    }
    return out;
  }
}
