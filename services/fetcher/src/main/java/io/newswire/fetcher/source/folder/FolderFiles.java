package io.newswire.fetcher.source.folder;

import io.newswire.content.BodyDecoder;
import io.newswire.content.Decoded;
import io.newswire.content.TextCheck;
import io.newswire.fetcher.content.ContentHash;
import io.newswire.fetcher.source.DocumentSink;
import io.newswire.fetcher.source.Documents;
import io.newswire.fetcher.source.SourceMonitor;
import io.newswire.fetcher.state.SeenStore;
import io.newswire.model.DocumentIds;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Locale;

/**
 * Turns one file of a watched folder into a document, or into a dead letter with the reason. The
 * url is {@code file:} plus the path relative to the watched root, so the id does not depend on
 * where the folder is mounted.
 */
public final class FolderFiles {
  private final String source;
  private final Path root;
  private final long maxBytes;
  private final DocumentSink sink;
  private final SeenStore seen;
  private final SourceMonitor monitor;

  private final Path realRoot;

  public FolderFiles(
      String source, Path root, long maxBytes, DocumentSink sink, SourceMonitor monitor) {
    this.source = source;
    this.root = root;
    this.realRoot = FolderRoots.real(root);
    this.maxBytes = maxBytes;
    this.sink = sink;
    this.seen = sink.seen();
    this.monitor = monitor;
  }

  /** True for the files a folder source reads: .txt, .html, .htm. */
  public static boolean accepts(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return !name.startsWith(".")
        && (name.endsWith(".txt") || name.endsWith(".html") || name.endsWith(".htm"));
  }

  public String urlOf(Path file) {
    String relative = root.relativize(file).toString().replace(java.io.File.separatorChar, '/');
    return "file:" + relative;
  }

  /** Reads {@code file} and emits it if its content changed since it was last emitted. */
  public void process(Path file) {
    String url = urlOf(file);
    String id = DocumentIds.forUrl(url);
    long size;
    try {
      BasicFileAttributes attrs =
          Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      // a link, or a file whose folder became a link after it was listed: not ours to read
      if (!attrs.isRegularFile() || !file.toRealPath().startsWith(realRoot)) {
        return;
      }
      size = attrs.size();
    } catch (IOException e) {
      reject(id, url, null, "unreadable file: " + e, e, null);
      return;
    }
    if (size > maxBytes) {
      String marker = "oversize:" + size;
      if (!seen.matches(id, marker)) {
        reject(
            id,
            url,
            null,
            "file of " + size + " bytes exceeds newswire.fetcher.max-body-bytes=" + maxBytes,
            null,
            marker);
      }
      return;
    }
    byte[] bytes;
    try {
      try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
        bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
      }
    } catch (IOException e) {
      reject(id, url, null, "unreadable file: " + e, e, null);
      return;
    }
    String hash = ContentHash.of(bytes);
    if (seen.matches(id, hash)) {
      return;
    }
    Decoded text = BodyDecoder.decode(bytes, null);
    String problem = TextCheck.problem(text.text());
    if (problem != null) {
      reject(id, url, bytes, problem, null, hash);
      return;
    }
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    String contentType = name.endsWith(".txt") ? "text/plain" : "text/html";
    sink.emit(
        Documents.raw(
            id,
            url,
            source,
            contentType,
            text.charset(),
            text.text(),
            null,
            null,
            Documents.ItemMetadata.NONE),
        hash);
    monitor.emitted(source);
    monitor.succeeded(source);
  }

  /** Records that reading {@code file} failed with {@code error}, for the source's status. */
  public void failed(Path file, Throwable error) {
    monitor.failed(source, "internal", urlOf(file) + ": " + error);
  }

  private void reject(
      String id, String url, byte[] value, String reason, Throwable error, String seenMarker) {
    String fullReason = url + ": " + reason;
    monitor.failed(source, reasonTag(reason), fullReason);
    // remembered (unless transient) so that a restart does not dead-letter the same bad file again
    sink.reject(id, value, fullReason, error, seenMarker);
  }

  private static String reasonTag(String reason) {
    if (reason.startsWith("file of")) {
      return "too-large";
    }
    if (reason.startsWith("binary")) {
      return "binary";
    }
    if (reason.startsWith("empty") || reason.startsWith("input is whitespace")) {
      return "empty";
    }
    return "unreadable";
  }
}
