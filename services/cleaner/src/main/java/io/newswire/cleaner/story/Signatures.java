package io.newswire.cleaner.story;

import io.newswire.extract.story.TextFingerprint;
import java.nio.ByteBuffer;
import java.util.Base64;

/**
 * A fingerprint as newswire.stories holds it: its MinHash values as URL-safe base64 of big-endian
 * bytes.
 */
final class Signatures {
  private Signatures() {}

  static String encode(TextFingerprint fingerprint) {
    long[] minima = fingerprint.minima();
    ByteBuffer bytes = ByteBuffer.allocate(minima.length * Long.BYTES);
    for (long value : minima) {
      bytes.putLong(value);
    }
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
  }

  /**
   * @return null for a text too short to fingerprint (no signature)
   * @throws IllegalArgumentException when {@code signature} is not {@value TextFingerprint#HASHES}
   *     values
   */
  static TextFingerprint decode(String signature, int shingles) {
    if (signature == null) {
      return null;
    }
    byte[] bytes = Base64.getUrlDecoder().decode(signature);
    if (bytes.length != TextFingerprint.HASHES * Long.BYTES) {
      throw new IllegalArgumentException(
          "a signature has " + TextFingerprint.HASHES * Long.BYTES + " bytes, not " + bytes.length);
    }
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    long[] minima = new long[TextFingerprint.HASHES];
    for (int i = 0; i < minima.length; i++) {
      minima[i] = buffer.getLong();
    }
    return TextFingerprint.of(minima, shingles);
  }
}
