package io.newswire.content;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns fetched bytes into text, the one charset decision of Newswire (the fetcher for what it
 * publishes and reads, the cleaner's extractor for bytes it is given). Order: byte-order mark, the
 * charset of the {@code Content-Type} header, the document's own declaration (an XML declaration's
 * {@code encoding}, else an HTML {@code <meta charset>} / http-equiv), then UTF-8 if the bytes are
 * valid UTF-8, else windows-1252 (what browsers assume for undeclared Western pages, and it maps
 * every byte, so nothing is silently dropped). A declared charset the bytes do not fit is not
 * trusted blindly: the next source is tried, and a warning says what was done.
 */
public final class BodyDecoder {

  /**
   * A declaration must appear early; browsers look at the first 1024 bytes of HTML, we are lenient.
   */
  private static final int DECLARATION_SCAN_BYTES = 8192;

  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  private static final Pattern HEADER_CHARSET =
      Pattern.compile("charset\\s*=\\s*[\"']?([\\w.:-]+)", Pattern.CASE_INSENSITIVE);
  private static final Pattern META_CHARSET =
      Pattern.compile("<meta[^>]+charset\\s*=\\s*[\"']?\\s*([\\w.:-]+)", Pattern.CASE_INSENSITIVE);
  private static final Pattern XML_ENCODING =
      Pattern.compile("^\\s*<\\?xml[^>]+encoding\\s*=\\s*[\"']([\\w.:-]+)[\"']");

  private BodyDecoder() {}

  /**
   * Decodes {@code body}.
   *
   * @param contentType the {@code Content-Type} header value (or only its {@code charset=…}
   *     parameter), or null
   */
  public static Decoded decode(byte[] body, String contentType) {
    List<String> warnings = new ArrayList<>();
    if (startsWith(body, 0xEF, 0xBB, 0xBF)) {
      return decoded(
          new String(body, 3, body.length - 3, StandardCharsets.UTF_8), "UTF-8", warnings);
    }
    if (startsWith(body, 0xFE, 0xFF)) {
      return decoded(
          new String(body, 2, body.length - 2, StandardCharsets.UTF_16BE), "UTF-16BE", warnings);
    }
    if (startsWith(body, 0xFF, 0xFE)) {
      return decoded(
          new String(body, 2, body.length - 2, StandardCharsets.UTF_16LE), "UTF-16LE", warnings);
    }
    Charset header = charsetIn(HEADER_CHARSET, contentType);
    Charset declared = declaration(body);
    // Valid multi-byte UTF-8 almost never arises by chance in another encoding, while pages
    // labelled with the wrong single-byte charset are common: trusting the label would mangle
    // every non-ASCII letter.
    String utf8 = strictDecode(body, StandardCharsets.UTF_8);
    boolean multiByte = utf8 != null && utf8.length() < body.length;
    for (Charset label : new Charset[] {header, declared}) {
      if (label == null) {
        continue;
      }
      if (multiByte && !label.equals(StandardCharsets.UTF_8)) {
        warnings.add(
            "charset: declared " + label.name() + " but the body is valid UTF-8; decoded as UTF-8");
        return decoded(utf8, "UTF-8", warnings);
      }
      String text = label.equals(StandardCharsets.UTF_8) ? utf8 : strictDecode(body, label);
      if (text != null) {
        if (label == header && declared != null && !declared.equals(header)) {
          warnings.add(
              "charset: header says "
                  + header.name()
                  + ", the document says "
                  + declared.name()
                  + "; used the header's");
        }
        return decoded(text, label.name(), warnings);
      }
      warnings.add(
          "charset: body is not valid " + label.name() + " as declared; trying the next source");
    }
    if (utf8 != null) {
      return decoded(utf8, "UTF-8", warnings);
    }
    warnings.add("charset: not UTF-8 and no usable declaration; decoded as windows-1252");
    return decoded(new String(body, WINDOWS_1252), WINDOWS_1252.name(), warnings);
  }

  /** {@link #decode} with the charset label of a header already taken apart, or null. */
  public static Decoded decodeLabelled(byte[] body, String charset) {
    return decode(body, charset == null ? null : "charset=" + charset);
  }

  /** The {@code charset} parameter of a {@code Content-Type} value, as written, or null. */
  public static String charsetParameter(String contentType) {
    if (contentType == null) {
      return null;
    }
    Matcher m = HEADER_CHARSET.matcher(contentType);
    return m.find() ? m.group(1) : null;
  }

  private static Decoded decoded(String text, String charset, List<String> warnings) {
    return new Decoded(text, charset, warnings);
  }

  /** The document's own declaration: an XML declaration's encoding, else a {@code <meta>}. */
  private static Charset declaration(byte[] body) {
    String head =
        new String(
            body, 0, Math.min(body.length, DECLARATION_SCAN_BYTES), StandardCharsets.ISO_8859_1);
    Charset xml = charsetIn(XML_ENCODING, head);
    return xml != null ? xml : charsetIn(META_CHARSET, head);
  }

  /** The charset named in a declaration, or null if none or unknown to the JVM. */
  static Charset charsetIn(Pattern pattern, String text) {
    if (text == null) {
      return null;
    }
    Matcher m = pattern.matcher(text);
    if (!m.find()) {
      return null;
    }
    String name = m.group(1).toLowerCase(Locale.ROOT);
    // WHATWG: pages labelled latin-1 / ascii are in practice windows-1252
    if (name.equals("iso-8859-1")
        || name.equals("latin1")
        || name.equals("us-ascii")
        || name.equals("ascii")) {
      name = "windows-1252";
    }
    try {
      return Charset.forName(name);
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      return null;
    }
  }

  /** Decodes, or returns null when the bytes are not valid in that charset. */
  private static String strictDecode(byte[] body, Charset cs) {
    try {
      CharBuffer chars =
          cs.newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(body));
      return chars.toString();
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
