package io.newswire.fetcher.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads the human-edited sources file:
 *
 * <pre>
 * sources:
 *   - name: seed-reports
 *     type: folder
 *     path: deploy/seed/reports
 *   - name: some-think-tank
 *     type: feed
 *     url: https://example.org/feed.xml
 *     interval: 10m
 * </pre>
 *
 * Relative folder paths are resolved against the directory the fetcher runs in.
 */
public final class SourcesFile {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private SourcesFile() {}

  /**
   * @throws IllegalArgumentException naming the file and the entry at fault
   */
  public static List<SourceDefinition> read(Path file) throws IOException {
    return parse(Files.readString(file), file.toString());
  }

  public static List<SourceDefinition> parse(String yaml, String origin) {
    JsonNode root;
    try {
      root = YAML.readTree(yaml);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          origin + " is not valid YAML: " + e.getMessage().lines().findFirst().orElse(""), e);
    }
    List<SourceDefinition> sources = new ArrayList<>();
    if (root == null || root.isMissingNode() || root.isNull()) {
      return sources;
    }
    JsonNode list = root.path("sources");
    if (!list.isArray()) {
      throw new IllegalArgumentException(origin + ": expected a top-level 'sources:' list");
    }
    Set<String> names = new HashSet<>();
    int index = 0;
    for (JsonNode entry : list) {
      index++;
      try {
        SourceDefinition source =
            new SourceDefinition(
                text(entry, "name"),
                SourceType.parse(text(entry, "type")),
                text(entry, "path"),
                text(entry, "url"),
                duration(text(entry, "interval")));
        if (!names.add(source.name())) {
          throw new IllegalArgumentException("the name '" + source.name() + "' is used twice");
        }
        sources.add(source);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            origin + ": source #" + index + ": " + e.getMessage(), e);
      }
    }
    return sources;
  }

  /**
   * Writes {@code sources} back in the same format (used by {@code POST/DELETE /sources}; comments
   * in the file are not kept). Written to a temporary file and moved, so a reader never sees half.
   */
  public static void write(Path file, List<SourceDefinition> sources) throws IOException {
    List<java.util.Map<String, Object>> entries = new ArrayList<>();
    for (SourceDefinition s : sources) {
      java.util.Map<String, Object> e = new java.util.LinkedHashMap<>();
      e.put("name", s.name());
      e.put("type", s.type().name().toLowerCase(Locale.ROOT));
      if (s.path() != null) {
        e.put("path", s.path());
      }
      if (s.url() != null) {
        e.put("url", s.url());
      }
      if (s.interval() != null) {
        e.put("interval", s.interval().toSeconds() + "s");
      }
      entries.add(e);
    }
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, ".sources", ".yaml");
    YAML.writeValue(tmp.toFile(), java.util.Map.of("sources", entries));
    Files.move(
        tmp,
        file,
        java.nio.file.StandardCopyOption.REPLACE_EXISTING,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }

  /** Parses {@code 90s}, {@code 10m}, {@code 2h}, {@code 1d} or an ISO-8601 duration. */
  public static Duration duration(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String t = text.strip().toLowerCase(Locale.ROOT);
    try {
      if (t.startsWith("p")) {
        return Duration.parse(t.toUpperCase(Locale.ROOT));
      }
      if (t.endsWith("ms")) {
        return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
      }
      long n = Long.parseLong(t.substring(0, t.length() - 1));
      return switch (t.charAt(t.length() - 1)) {
        case 's' -> Duration.ofSeconds(n);
        case 'm' -> Duration.ofMinutes(n);
        case 'h' -> Duration.ofHours(n);
        case 'd' -> Duration.ofDays(n);
        default -> throw new NumberFormatException();
      };
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "interval '" + text + "' is not a duration such as 90s, 10m, 2h or 1d");
    }
  }

  private static String text(JsonNode entry, String field) {
    JsonNode node = entry.get(field);
    return node == null || node.isNull() ? null : node.asText();
  }
}
