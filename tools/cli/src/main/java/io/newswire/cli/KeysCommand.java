package io.newswire.cli;

import io.newswire.model.ApiKeyFile;
import io.newswire.model.ApiKeyFile.Entry;
import io.newswire.model.ApiKeyFile.Role;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code ./newswire keys list|add|revoke}: edits the API key file the services read (they pick up a
 * change within a second, no restart). A new key is printed once, when it is made; the file keeps
 * only its hash, so a lost key is revoked and replaced, not recovered.
 */
final class KeysCommand {
  private final Path file;
  private final PrintStream out;

  KeysCommand(Path file, PrintStream out) {
    this.file = file;
    this.out = out;
  }

  void list() throws IOException {
    List<Entry> entries = ApiKeyFile.read(file);
    out.println(entries.size() + " key(s) in " + file);
    for (Entry e : entries) {
      out.printf("  %-24s %s%n", e.name(), e.role().id());
    }
  }

  void add(String name, Role role) throws IOException {
    String key = ApiKeyFile.add(file, name, role);
    out.println(
        "Key '" + name + "' (" + role.id() + ") added; the services accept it within a second.");
    out.println(
        "It is shown this once (only its hash is kept); send it as 'Authorization: Bearer KEY':");
    out.println(key);
  }

  void revoke(String name) throws IOException {
    if (name == null) {
      throw new IllegalArgumentException("keys revoke needs a key name (see ./newswire keys list)");
    }
    if (!ApiKeyFile.revoke(file, name)) {
      throw new IllegalArgumentException("no key named '" + name + "' in " + file);
    }
    out.println("Key '" + name + "' revoked; the services refuse it within a second.");
  }
}
