package io.newswire.fetcher.content;

import io.newswire.model.DocumentIds;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** The content check behind "only emit again when it changed": SHA-256 of the raw bytes. */
public final class ContentHash {
  private ContentHash() {}

  public static String of(byte[] bytes) {
    try {
      return Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  public static String of(String text) {
    return DocumentIds.hash(text);
  }
}
