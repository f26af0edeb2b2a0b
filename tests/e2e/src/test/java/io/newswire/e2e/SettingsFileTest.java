package io.newswire.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code config/application.properties} is the one documented place for settings: every key of
 * every {@code @ConfigMapping} interface of the services is listed there, as {@code #key=default}
 * when it has a default, so the file cannot drift from the code again (issue 15). Read from the
 * interfaces' sources, since this module has none of the services on its class path.
 */
class SettingsFileTest {
  private static final Pattern MAPPING =
      Pattern.compile("@ConfigMapping\\(prefix = \"([^\"]+)\"\\)");
  private static final Pattern METHOD =
      Pattern.compile("([\\w.]+(?:<[^;(){}]*>)?)\\s+(\\w+)\\(\\)\\s*;");
  private static final Pattern NESTED = Pattern.compile("interface\\s+(\\w+)\\s*\\{");
  private static final Pattern DEFAULT =
      Pattern.compile("@WithDefault\\(\"((?:[^\"\\\\]|\\\\.)*)\"\\)");
  private static final Pattern NAME = Pattern.compile("@WithName\\(\"([^\"]+)\"\\)");

  /**
   * One mapped setting: its whole key, its default (null for none) and whether it is a map of keys.
   */
  record Setting(String key, String defaultValue, boolean map, String where) {}

  @Test
  void everyMappedSettingIsListedWithItsDefault() throws IOException {
    Path root = SeedScenario.repoRoot();
    List<Setting> settings = new ArrayList<>();
    for (String folder : List.of("libs", "services", "tools")) {
      try (Stream<Path> files = Files.walk(root.resolve(folder))) {
        for (Path file :
            files
                .filter(
                    f ->
                        f.toString().endsWith("Config.java") && f.toString().contains("/src/main/"))
                .sorted()
                .toList()) {
          settings.addAll(settingsOf(file, root));
        }
      }
    }
    assertTrue(
        settings.size() > 60,
        "the services map more settings than " + settings.size() + ": " + settings);
    List<String> lines = Files.readAllLines(root.resolve("config/application.properties"));
    List<String> problems = new ArrayList<>();
    for (Setting s : settings) {
      List<String> values = documented(lines, s);
      if (values.isEmpty()) {
        problems.add(
            s.key()
                + (s.defaultValue() != null ? "=" + s.defaultValue() : "")
                + " ("
                + s.where()
                + ") is not in config/application.properties");
      } else if (s.defaultValue() != null && !s.map() && !values.contains(s.defaultValue())) {
        problems.add(
            s.key()
                + " is listed as "
                + values
                + " but defaults to "
                + s.defaultValue()
                + " ("
                + s.where()
                + ")");
      }
    }
    assertTrue(problems.isEmpty(), String.join("\n", problems));
  }

  /** What the file gives {@code setting}, commented out or not: the values after {@code key=}. */
  private static List<String> documented(List<String> lines, Setting setting) {
    List<String> values = new ArrayList<>();
    for (String line : lines) {
      String l = line.startsWith("#") ? line.substring(1) : line;
      if (setting.map() ? l.startsWith(setting.key() + ".") : l.startsWith(setting.key() + "=")) {
        values.add(l.substring(l.indexOf('=') + 1));
      }
    }
    return values;
  }

  static List<Setting> settingsOf(Path file, Path root) throws IOException {
    String source = withoutComments(Files.readString(file));
    Matcher mapping = MAPPING.matcher(source);
    if (!mapping.find()) {
      return List.of();
    }
    String where = root.relativize(file).toString();
    // the bodies of nested interfaces: their settings sit under the group method that returns them
    Map<String, int[]> nested = new LinkedHashMap<>();
    Matcher n = NESTED.matcher(source);
    boolean first = true;
    while (n.find()) {
      if (first) {
        first = false; // the mapping interface itself
        continue;
      }
      nested.put(n.group(1), new int[] {n.end(), closing(source, n.end())});
    }
    List<Setting> out = new ArrayList<>();
    collect(source, mapping.group(1), outside(source, nested), nested, where, out);
    return out;
  }

  private static void collect(
      String source,
      String prefix,
      List<int[]> ranges,
      Map<String, int[]> nested,
      String where,
      List<Setting> out) {
    for (int[] range : ranges) {
      Matcher m = METHOD.matcher(source).region(range[0], range[1]);
      int previous = range[0];
      while (m.find()) {
        String annotations = source.substring(previous, m.start());
        previous = m.end();
        Matcher name = NAME.matcher(annotations);
        String key = prefix + "." + (name.find() ? name.group(1) : kebab(m.group(2)));
        String type = m.group(1);
        if (nested.containsKey(type)) {
          collect(source, key, List.of(nested.get(type)), Map.of(), where, out);
          continue;
        }
        Matcher d = DEFAULT.matcher(annotations);
        out.add(
            new Setting(
                key,
                d.find() ? d.group(1).replace("\\\"", "\"").replace("\\\\", "\\") : null,
                type.startsWith("Map<"),
                where));
      }
    }
  }

  /** The parts of the source outside the nested interfaces' bodies. */
  private static List<int[]> outside(String source, Map<String, int[]> nested) {
    List<int[]> out = new ArrayList<>();
    int from = 0;
    for (int[] body : nested.values()) {
      out.add(new int[] {from, body[0]});
      from = body[1];
    }
    out.add(new int[] {from, source.length()});
    return out;
  }

  private static int closing(String source, int open) {
    int depth = 1;
    for (int i = open; i < source.length(); i++) {
      char c = source.charAt(i);
      if (c == '{') {
        depth++;
      } else if (c == '}' && --depth == 0) {
        return i;
      }
    }
    return source.length();
  }

  static String kebab(String method) {
    StringBuilder out = new StringBuilder();
    for (char c : method.toCharArray()) {
      if (Character.isUpperCase(c)) {
        out.append('-').append(Character.toLowerCase(c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * The source without its comments: blocks, and lines that are a comment ({@code http://} in a
   * default stays).
   */
  private static String withoutComments(String source) {
    return source.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("(?m)^\\s*//[^\\n]*", " ");
  }
}
