package io.newswire.fetcher.http;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import org.brotli.dec.BrotliInputStream;

/**
 * Reads bodies up to a limit counted in decoded bytes, so a gzip, deflate or brotli bomb stops
 * after the limit instead of filling the heap. Bytes a decoder cannot make sense of fail as {@link
 * BrokenEncoding}, apart from the connection failing.
 */
public final class BoundedBodies {
  /** The encodings we ask for in Accept-Encoding and can undo. */
  public static final String ACCEPT_ENCODING = "gzip, deflate, br";

  private BoundedBodies() {}

  /** The decoder refused the bytes (not gzip, corrupt brotli...): trying again will not help. */
  public static final class BrokenEncoding extends IOException {
    BrokenEncoding(String encoding, IOException cause) {
      super("broken " + encoding + " data: " + cause.getMessage(), cause);
    }
  }

  /** Wraps {@code raw} so that reading it undoes {@code contentEncoding}. */
  public static InputStream decoding(InputStream raw, String contentEncoding, String url)
      throws FetchException, IOException {
    String encoding =
        contentEncoding == null ? "identity" : contentEncoding.strip().toLowerCase(Locale.ROOT);
    if (encoding.isEmpty() || encoding.equals("identity") || encoding.equals("none")) {
      return raw;
    }
    Watched watched = new Watched(raw);
    try {
      return new Decoding(decoder(watched, encoding, contentEncoding, url), watched, encoding);
    } catch (IOException e) {
      // the gzip and brotli decoders read their header at once
      throw watched.failed || truncated(e) ? e : new BrokenEncoding(encoding, e);
    }
  }

  private static InputStream decoder(InputStream in, String encoding, String declared, String url)
      throws FetchException, IOException {
    switch (encoding) {
      case "gzip", "x-gzip":
        return new GZIPInputStream(in, 8192);
      case "deflate":
        // "deflate" should be zlib-wrapped, but some servers send a raw deflate stream
        PushbackInputStream pushback = new PushbackInputStream(in, 1);
        int first = pushback.read();
        if (first >= 0) {
          pushback.unread(first);
        }
        boolean zlib = (first & 0x0F) == 8;
        return new InflaterInputStream(pushback, new Inflater(!zlib), 8192);
      case "br":
        return new BrotliInputStream(in);
      default:
        throw new FetchException(
            FetchException.Reason.ENCODING,
            "unsupported Content-Encoding '"
                + declared
                + "' from "
                + url
                + " (we ask for "
                + ACCEPT_ENCODING
                + ")");
    }
  }

  /** Remembers whether the connection itself failed, to tell that from bad compressed data. */
  private static final class Watched extends FilterInputStream {
    volatile boolean failed;

    Watched(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      try {
        return super.read();
      } catch (IOException e) {
        failed = true;
        throw e;
      }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      try {
        return super.read(b, off, len);
      } catch (IOException e) {
        failed = true;
        throw e;
      }
    }
  }

  /** A decoder whose own complaints surface as {@link BrokenEncoding}. */
  private static final class Decoding extends FilterInputStream {
    private final Watched raw;
    private final String encoding;

    Decoding(InputStream decoder, Watched raw, String encoding) {
      super(decoder);
      this.raw = raw;
      this.encoding = encoding;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n = read(one, 0, 1);
      return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      try {
        return super.read(b, off, len);
      } catch (IOException e) {
        throw raw.failed || truncated(e) || e instanceof BrokenEncoding
            ? e
            : new BrokenEncoding(encoding, e);
      }
    }
  }

  /**
   * Data that ends early is more likely a cut connection than a broken encoder, so it stays a
   * network failure (retried) rather than a broken encoding (dead-lettered).
   */
  private static boolean truncated(IOException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof EOFException
          || (t.getMessage() != null && t.getMessage().contains("end of input"))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Reads all of {@code in}, failing as soon as more than {@code maxBytes} came out of it.
   *
   * @throws FetchException {@code TOO_LARGE} naming the limit and its setting
   */
  public static byte[] read(InputStream in, long maxBytes, String url)
      throws IOException, FetchException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
    byte[] buffer = new byte[8192];
    long total = 0;
    int n;
    while ((n = in.read(buffer)) > 0) {
      total += n;
      if (total > maxBytes) {
        throw new FetchException(
            FetchException.Reason.TOO_LARGE,
            "body of "
                + url
                + " exceeds newswire.fetcher.max-body-bytes="
                + maxBytes
                + " (decoded bytes; stopped reading)");
      }
      out.write(buffer, 0, n);
    }
    return out.toByteArray();
  }

  /** Gunzips {@code bytes} if they start with the gzip magic number, within the same limit. */
  public static byte[] gunzipIfGzipped(byte[] bytes, long maxBytes, String url)
      throws FetchException {
    if (bytes.length < 2 || (bytes[0] & 0xFF) != 0x1F || (bytes[1] & 0xFF) != 0x8B) {
      return bytes;
    }
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
      return read(in, maxBytes, url);
    } catch (IOException e) {
      throw new FetchException(
          FetchException.Reason.ENCODING,
          "broken gzip data from " + url + ": " + e.getMessage(),
          e);
    }
  }
}
