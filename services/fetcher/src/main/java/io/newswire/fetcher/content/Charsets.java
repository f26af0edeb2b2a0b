package io.newswire.fetcher.content;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Decides the charset of fetched bytes: byte-order mark, then the declared charset (HTTP header),
 * then an HTML {@code <meta>} or XML declaration, then UTF-8 if the bytes are valid UTF-8, else
 * windows-1252 (which maps every byte, so nothing is silently dropped).
 */
public final class Charsets {
  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
  private static final int SNIFF_BYTES = 4096;
  private static final Pattern META_CHARSET =
      Pattern.compile(
          "<meta[^>]+charset\\s*=\\s*[\"']?([A-Za-z0-9_:.\\-]+)", Pattern.CASE_INSENSITIVE);
  private static final Pattern XML_ENCODING =
      Pattern.compile("^<\\?xml[^>]+encoding\\s*=\\s*[\"']([A-Za-z0-9_.\\-]+)[\"']");

  private Charsets() {}

  /** Decodes {@code bytes}; {@code declared} is the HTTP header's charset or null. */
  public static Decoded decode(byte[] bytes, String declared) {
    if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
      return new Decoded(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8), "UTF-8");
    }
    if (startsWith(bytes, 0xFE, 0xFF)) {
      return new Decoded(
          new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE), "UTF-16BE");
    }
    if (startsWith(bytes, 0xFF, 0xFE)) {
      return new Decoded(
          new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE), "UTF-16LE");
    }
    Charset charset = supported(declared);
    if (charset == null) {
      charset = sniffDeclaration(bytes);
    }
    if (charset == null || charset.equals(StandardCharsets.UTF_8)) {
      String utf8 = strictUtf8(bytes);
      if (utf8 != null) {
        return new Decoded(utf8, "UTF-8");
      }
      // declared UTF-8 but is not: windows-1252 keeps every byte visible instead of U+FFFD
      charset = WINDOWS_1252;
    }
    if (charset.name().equalsIgnoreCase("ISO-8859-1")
        || charset.name().equalsIgnoreCase("US-ASCII")) {
      // as browsers do (WHATWG encoding standard): these labels mean windows-1252
      charset = WINDOWS_1252;
    }
    return new Decoded(new String(bytes, charset), charset.name());
  }

  /** True if the bytes look binary: a NUL byte where no UTF-16 byte-order mark explains it. */
  public static boolean looksBinary(byte[] bytes) {
    if (startsWith(bytes, 0xFE, 0xFF) || startsWith(bytes, 0xFF, 0xFE)) {
      return false;
    }
    for (byte b : bytes) {
      if (b == 0) {
        return true;
      }
    }
    return false;
  }

  /** The charset parameter of a Content-Type header value, or null. */
  public static String fromContentType(String contentType) {
    if (contentType == null) {
      return null;
    }
    for (String part : contentType.split(";")) {
      String p = part.strip();
      if (p.toLowerCase(Locale.ROOT).startsWith("charset=")) {
        return p.substring(8).replace("\"", "").replace("'", "").strip();
      }
    }
    return null;
  }

  private static Charset sniffDeclaration(byte[] bytes) {
    String head =
        new String(bytes, 0, Math.min(bytes.length, SNIFF_BYTES), StandardCharsets.ISO_8859_1);
    Matcher xml = XML_ENCODING.matcher(head);
    if (xml.find()) {
      return supported(xml.group(1));
    }
    Matcher meta = META_CHARSET.matcher(head);
    return meta.find() ? supported(meta.group(1)) : null;
  }

  private static Charset supported(String name) {
    if (name == null || name.isBlank()) {
      return null;
    }
    try {
      return Charset.forName(name.strip());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String strictUtf8(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  private static boolean startsWith(byte[] bytes, int... prefix) {
    if (bytes.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((bytes[i] & 0xFF) != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
