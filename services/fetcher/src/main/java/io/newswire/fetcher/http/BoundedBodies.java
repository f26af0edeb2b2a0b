package io.newswire.fetcher.http;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * Reads bodies up to a limit counted in decoded bytes, so a gzip or deflate bomb stops after the
 * limit instead of filling the heap.
 */
public final class BoundedBodies {
  private BoundedBodies() {}

  /** Wraps {@code raw} so that reading it undoes {@code contentEncoding}. */
  public static InputStream decoding(InputStream raw, String contentEncoding, String url) throws FetchException, IOException {
    String encoding = contentEncoding == null ? "identity" : contentEncoding.strip().toLowerCase(Locale.ROOT);
    switch (encoding) {
      case "", "identity", "none":
        return raw;
      case "gzip", "x-gzip":
        return new GZIPInputStream(raw, 8192);
      case "deflate":
        // "deflate" should be zlib-wrapped, but some servers send a raw deflate stream
        PushbackInputStream in = new PushbackInputStream(raw, 1);
        int first = in.read();
        if (first >= 0) {
          in.unread(first);
        }
        boolean zlib = (first & 0x0F) == 8;
        return new InflaterInputStream(in, new Inflater(!zlib), 8192);
      default:
        throw new FetchException(
            FetchException.Reason.ENCODING,
            "unsupported Content-Encoding '" + contentEncoding + "' from " + url + " (we ask for gzip or deflate)");
    }
  }

  /**
   * Reads all of {@code in}, failing as soon as more than {@code maxBytes} came out of it.
   *
   * @throws FetchException {@code TOO_LARGE} naming the limit and its setting
   */
  public static byte[] read(InputStream in, long maxBytes, String url) throws IOException, FetchException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
    byte[] buffer = new byte[8192];
    long total = 0;
    int n;
    while ((n = in.read(buffer)) > 0) {
      total += n;
      if (total > maxBytes) {
        throw new FetchException(
            FetchException.Reason.TOO_LARGE,
            "body of " + url + " exceeds newswire.fetcher.max-body-bytes=" + maxBytes + " (decoded bytes; stopped reading)");
      }
      out.write(buffer, 0, n);
    }
    return out.toByteArray();
  }

  /** Gunzips {@code bytes} if they start with the gzip magic number, within the same limit. */
  public static byte[] gunzipIfGzipped(byte[] bytes, long maxBytes, String url) throws FetchException {
    if (bytes.length < 2 || (bytes[0] & 0xFF) != 0x1F || (bytes[1] & 0xFF) != 0x8B) {
      return bytes;
    }
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
      return read(in, maxBytes, url);
    } catch (IOException e) {
      throw new FetchException(FetchException.Reason.ENCODING, "broken gzip data from " + url + ": " + e.getMessage(), e);
    }
  }
}
