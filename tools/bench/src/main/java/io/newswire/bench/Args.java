package io.newswire.bench;

import java.util.HashMap;
import java.util.Map;

/** {@code --name value} options. */
final class Args {
  private final Map<String, String> values = new HashMap<>();

  Args(String[] argv, String usage) {
    for (int i = 0; i < argv.length; i++) {
      if (!argv[i].startsWith("--") || i + 1 >= argv.length) {
        throw new IllegalArgumentException("unexpected '" + argv[i] + "'; usage: " + usage);
      }
      values.put(argv[i].substring(2), argv[++i]);
    }
  }

  String get(String name, String fallback) {
    return values.getOrDefault(name, fallback);
  }

  int getInt(String name, int fallback) {
    return values.containsKey(name) ? Integer.parseInt(values.get(name)) : fallback;
  }
}
