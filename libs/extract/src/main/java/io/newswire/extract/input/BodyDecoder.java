package io.newswire.extract.input;

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
import java.util.List;
import java.util.Locale;

/**
 * Turns fetched bytes into text. Order: byte-order mark, the charset of the {@code Content-Type}
 * header, the page's own {@code <meta charset>} / http-equiv, then UTF-8 if the bytes are valid
 * UTF-8, else windows-1252 (what browsers assume for undeclared Western pages). A declared charset
 * the bytes do not fit is not trusted blindly: the next source is tried, and a warning says what
 * was done, so nothing is mangled silently.
 */
public final class BodyDecoder {

  /**
   * A meta charset declaration must appear early; browsers look at the first 1024 bytes, we are
   * lenient.
   */
  private static final int META_SCAN_BYTES = 8192;

  private static final Pattern HEADER_CHARSET =
      Pattern.compile("charset\\s*=\\s*[\"']?([\\w.:-]+)", Pattern.CASE_INSENSITIVE);
  private static final Pattern META_CHARSET =
      Pattern.compile("<meta[^>]+charset\\s*=\\s*[\"']?\\s*([\\w.:-]+)", Pattern.CASE_INSENSITIVE);

  private BodyDecoder() {}

  public static String decode(byte[] body, String contentTypeHeader, List<String> warnings) {
    if (body.length >= 3
        && (body[0] & 0xff) == 0xEF
        && (body[1] & 0xff) == 0xBB
        && (body[2] & 0xff) == 0xBF) {
      return new String(body, 3, body.length - 3, StandardCharsets.UTF_8);
    }
    if (body.length >= 2 && (body[0] & 0xff) == 0xFE && (body[1] & 0xff) == 0xFF) {
      return new String(body, 2, body.length - 2, StandardCharsets.UTF_16BE);
    }
    if (body.length >= 2 && (body[0] & 0xff) == 0xFF && (body[1] & 0xff) == 0xFE) {
      return new String(body, 2, body.length - 2, StandardCharsets.UTF_16LE);
    }
    Charset header = charsetIn(HEADER_CHARSET, contentTypeHeader);
    Charset meta = charsetIn(META_CHARSET, asciiPrefix(body));
    // Valid multi-byte UTF-8 almost never arises by chance in another encoding, while pages
    // labelled
    // with the wrong single-byte charset are common: trusting the label would mangle every
    // non-ASCII letter.
    String utf8 = strictDecode(body, StandardCharsets.UTF_8);
    boolean multiByte = utf8 != null && utf8.length() < body.length;
    for (Charset declared : new Charset[] {header, meta}) {
      if (declared == null) {
        continue;
      }
      if (multiByte && !declared.equals(StandardCharsets.UTF_8)) {
        warnings.add(
            "charset: declared "
                + declared.name()
                + " but the body is valid UTF-8; decoded as UTF-8");
        return utf8;
      }
      String text = declared.equals(StandardCharsets.UTF_8) ? utf8 : strictDecode(body, declared);
      if (text != null) {
        if (declared == header && meta != null && !meta.equals(header)) {
          warnings.add(
              "charset: header says "
                  + header.name()
                  + ", <meta> says "
                  + meta.name()
                  + "; used the header's");
        }
        return text;
      }
      warnings.add(
          "charset: body is not valid " + declared.name() + " as declared; trying the next source");
    }
    if (utf8 != null) {
      return utf8;
    }
    warnings.add("charset: not UTF-8 and no usable declaration; decoded as windows-1252");
    return new String(body, Charset.forName("windows-1252"));
  }

  /** The charset named in an HTML or header declaration, or null if none or unknown to the JVM. */
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

  private static String asciiPrefix(byte[] body) {
    return new String(body, 0, Math.min(body.length, META_SCAN_BYTES), StandardCharsets.ISO_8859_1);
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
}
