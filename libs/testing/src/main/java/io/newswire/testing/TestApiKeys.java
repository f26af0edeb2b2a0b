package io.newswire.testing;

import io.newswire.model.ApiKeyFile;
import io.newswire.model.ApiKeyFile.Entry;
import io.newswire.model.ApiKeyFile.Role;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Gives a {@code @QuarkusTest} service a key file of its own with one key per role and points
 * {@code newswire.auth.keys-file} at it. Tests send {@link #ADMIN} and the others as {@code
 * Authorization: Bearer KEY}.
 */
public class TestApiKeys implements QuarkusTestResourceLifecycleManager {
  // constants, not random: the test resource and the test class may be loaded by different class
  // loaders, and must agree on the keys
  public static final String READER = "nwk_test-reader-key";
  public static final String EDITOR = "nwk_test-editor-key";
  public static final String ADMIN = "nwk_test-admin-key";

  /** The value of an {@code Authorization} header carrying {@code key}. */
  public static String bearer(String key) {
    return "Bearer " + key;
  }

  @Override
  public Map<String, String> start() {
    try {
      Path dir = Files.createDirectories(Path.of("target/it"));
      Path file = Files.createTempFile(dir, "api-keys-", "");
      ApiKeyFile.write(
          file,
          List.of(
              new Entry("test-reader", Role.READER, ApiKeyFile.sha256(READER)),
              new Entry("test-editor", Role.EDITOR, ApiKeyFile.sha256(EDITOR)),
              new Entry("test-admin", Role.ADMIN, ApiKeyFile.sha256(ADMIN))));
      return Map.of("newswire.auth.keys-file", file.toAbsolutePath().toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void stop() {}
}
