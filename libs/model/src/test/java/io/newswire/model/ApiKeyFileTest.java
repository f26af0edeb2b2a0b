package io.newswire.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newswire.model.ApiKeyFile.Role;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 12: the key file keeps hashes only, owner-readable, and says which line is wrong. */
class ApiKeyFileTest {
  @TempDir Path dir;

  @Test
  void keysAreAddedAsHashesAndRevokedByName() throws Exception {
    Path file = dir.resolve("api-keys");
    String key = ApiKeyFile.add(file, "alice", Role.READER);
    assertTrue(key.startsWith("nwk_") && key.length() > 40, key);
    String text = Files.readString(file);
    assertFalse(text.contains(key));
    assertTrue(text.contains("alice reader " + ApiKeyFile.sha256(key)), text);
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    assertThrows(IllegalArgumentException.class, () -> ApiKeyFile.add(file, "alice", Role.ADMIN));
    assertTrue(ApiKeyFile.revoke(file, "alice"));
    assertEquals(0, ApiKeyFile.read(file).size());
    assertFalse(ApiKeyFile.revoke(file, "alice"));
  }

  @Test
  void rolesIncludeTheOnesBelow() {
    assertTrue(Role.ADMIN.includes(Role.EDITOR) && Role.EDITOR.includes(Role.READER));
    assertFalse(Role.READER.includes(Role.EDITOR));
    assertThrows(IllegalArgumentException.class, () -> Role.parse("root"));
  }

  @Test
  void aBrokenLineIsNamed() throws Exception {
    Path file = Files.writeString(dir.resolve("api-keys"), "# comment\nbob admin not-a-hash\n");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ApiKeyFile.read(file));
    assertTrue(e.getMessage().contains("line 2"), e.getMessage());
  }
}
