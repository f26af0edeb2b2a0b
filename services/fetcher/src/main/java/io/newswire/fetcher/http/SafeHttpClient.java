package io.newswire.fetcher.http;

import io.newswire.fetcher.FetcherConfig;
import io.newswire.fetcher.content.Charsets;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * GETs a URL within the configured limits: every hop's address checked by the {@link
 * AddressGuard}, redirects followed here (the JDK client would follow them unchecked), decoded
 * body size capped, connect/read/total timeouts, accepted content types.
 */
public final class SafeHttpClient {
  private final HttpClient client;
  private final AddressGuard guard;
  private final String userAgent;
  private final long maxBytes;
  private final Duration readTimeout;
  private final Duration totalTimeout;
  private final int maxRedirects;

  public SafeHttpClient(FetcherConfig config) {
    this(
        new AddressGuard(config.privateAddresses(), config.allowPrivate().orElse(List.of())),
        config.userAgent(),
        config.maxBodyBytes(),
        config.connectTimeout(),
        config.readTimeout(),
        config.totalTimeout(),
        config.maxRedirects());
  }

  public SafeHttpClient(
      AddressGuard guard,
      String userAgent,
      long maxBytes,
      Duration connectTimeout,
      Duration readTimeout,
      Duration totalTimeout,
      int maxRedirects) {
    this.guard = guard;
    this.userAgent = userAgent;
    this.maxBytes = maxBytes;
    this.readTimeout = readTimeout;
    this.totalTimeout = totalTimeout;
    this.maxRedirects = maxRedirects;
    this.client =
        HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(connectTimeout)
            .proxy(HttpClient.Builder.NO_PROXY)
            .build();
  }

  public String userAgent() {
    return userAgent;
  }

  public long maxBytes() {
    return maxBytes;
  }

  /** Checks the URL's scheme and address without fetching, so nothing else (robots.txt) is asked first. */
  public void checkAddress(URI uri) throws FetchException {
    checkScheme(uri);
    guard.check(uri);
  }

  public FetchResult fetch(FetchRequest request) throws FetchException {
    long deadline = System.nanoTime() + totalTimeout.toNanos();
    URI uri = request.uri();
    Set<URI> visited = new HashSet<>();
    for (int hop = 0; ; hop++) {
      checkScheme(uri);
      guard.check(uri);
      if (!visited.add(uri)) {
        throw new FetchException(FetchException.Reason.TOO_MANY_REDIRECTS, "redirect loop at " + uri + " (from " + request.uri() + ")");
      }
      HttpResponse<InputStream> response = send(uri, request, deadline);
      int status = response.statusCode();
      if (isRedirect(status)) {
        String location = response.headers().firstValue("Location").orElse(null);
        close(response);
        if (location == null) {
          throw new FetchException(FetchException.Reason.HTTP_STATUS, "HTTP " + status + " without Location from " + uri);
        }
        if (hop >= maxRedirects) {
          throw new FetchException(
              FetchException.Reason.TOO_MANY_REDIRECTS,
              "more than newswire.fetcher.max-redirects=" + maxRedirects + " redirects from " + request.uri());
        }
        try {
          uri = uri.resolve(location.strip());
        } catch (IllegalArgumentException e) {
          throw new FetchException(FetchException.Reason.BAD_URL, "bad redirect Location '" + location + "' from " + uri);
        }
        continue;
      }
      return answer(uri, request, response, deadline);
    }
  }

  private FetchResult answer(URI uri, FetchRequest request, HttpResponse<InputStream> response, long deadline)
      throws FetchException {
    int status = response.statusCode();
    var headers = response.headers();
    String etag = headers.firstValue("ETag").orElse(null);
    String lastModified = headers.firstValue("Last-Modified").orElse(null);
    if (status == 304) {
      close(response);
      return new FetchResult(uri, status, true, null, null, new byte[0], etag, lastModified);
    }
    if (status < 200 || status > 299) {
      close(response);
      throw new FetchException(FetchException.Reason.HTTP_STATUS, "HTTP " + status + " from " + uri);
    }
    String contentType = headers.firstValue("Content-Type").orElse(null);
    String mediaType = contentType == null ? null : contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
    if (mediaType != null && !request.accept().isEmpty() && !request.accept().contains(mediaType)) {
      close(response);
      throw new FetchException(
          FetchException.Reason.CONTENT_TYPE,
          "content type '" + mediaType + "' of " + uri + " is not accepted here (accepted: "
              + String.join(", ", request.accept()) + "; pages: newswire.fetcher.accepted-content-types)");
    }
    long declared = headers.firstValueAsLong("Content-Length").orElse(-1);
    String encoding = headers.firstValue("Content-Encoding").orElse(null);
    if (declared > maxBytes && (encoding == null || encoding.equalsIgnoreCase("identity"))) {
      close(response);
      throw new FetchException(
          FetchException.Reason.TOO_LARGE,
          "body of " + uri + " declares " + declared + " bytes, over newswire.fetcher.max-body-bytes=" + maxBytes);
    }
    Watchdog.Guarded guarded = new Watchdog.Guarded(response.body(), readTimeout.toNanos(), deadline);
    try (InputStream decoded = BoundedBodies.decoding(guarded, encoding, uri.toString())) {
      byte[] body = BoundedBodies.read(decoded, maxBytes, uri.toString());
      return new FetchResult(uri, status, false, mediaType, Charsets.fromContentType(contentType), body, etag, lastModified);
    } catch (BoundedBodies.BrokenEncoding e) {
      throw new FetchException(
          FetchException.Reason.ENCODING, "Content-Encoding " + encoding + " of " + uri + ": " + e.getMessage(), e);
    } catch (IOException e) {
      if (guarded.expired() != null) {
        throw new FetchException(FetchException.Reason.TIMEOUT, "reading " + uri + " took too long (" + guarded.expired() + ")", e);
      }
      throw new FetchException(FetchException.Reason.NETWORK, "reading " + uri + " failed: " + e.getMessage(), e);
    } finally {
      try {
        guarded.close();
      } catch (IOException ignored) {
        // nothing left to read
      }
    }
  }

  private HttpResponse<InputStream> send(URI uri, FetchRequest request, long deadline) throws FetchException {
    long remaining = deadline - System.nanoTime();
    if (remaining <= 0) {
      throw new FetchException(FetchException.Reason.TIMEOUT, "newswire.fetcher.total-timeout=" + totalTimeout + " passed before " + uri);
    }
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(uri)
            .GET()
            .timeout(Duration.ofNanos(Math.min(remaining, readTimeout.toNanos())))
            .header("User-Agent", userAgent)
            .header("Accept-Encoding", BoundedBodies.ACCEPT_ENCODING)
            .header("Accept", request.accept().isEmpty() ? "*/*" : String.join(", ", request.accept()) + ", */*;q=0.1");
    if (request.etag() != null) {
      builder.header("If-None-Match", request.etag());
    }
    if (request.lastModified() != null) {
      builder.header("If-Modified-Since", request.lastModified());
    }
    try {
      return client.send(builder.build(), HttpResponse.BodyHandlers.ofInputStream());
    } catch (HttpConnectTimeoutException e) {
      throw new FetchException(FetchException.Reason.TIMEOUT, "connecting to " + uri + " took too long (newswire.fetcher.connect-timeout)", e);
    } catch (HttpTimeoutException e) {
      throw new FetchException(FetchException.Reason.TIMEOUT, "no answer from " + uri + " in time (newswire.fetcher.read-timeout)", e);
    } catch (IOException e) {
      throw new FetchException(FetchException.Reason.NETWORK, "GET " + uri + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FetchException(FetchException.Reason.NETWORK, "interrupted while fetching " + uri, e);
    } catch (IllegalArgumentException e) {
      throw new FetchException(FetchException.Reason.BAD_URL, "cannot request " + uri + ": " + e.getMessage(), e);
    }
  }

  private static void checkScheme(URI uri) throws FetchException {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new FetchException(FetchException.Reason.BAD_URL, "only http and https are fetched, not " + uri);
    }
  }

  private static boolean isRedirect(int status) {
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
  }

  private static void close(HttpResponse<InputStream> response) {
    try {
      response.body().close();
    } catch (IOException ignored) {
      // the connection is dropped either way
    }
  }
}
