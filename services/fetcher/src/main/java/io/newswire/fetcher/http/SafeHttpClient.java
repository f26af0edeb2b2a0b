package io.newswire.fetcher.http;

import io.newswire.content.BodyDecoder;
import io.newswire.net.AddressGuard;
import io.newswire.net.AddressRefused;
import io.newswire.net.PinnedDns;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.CloseableHttpResponse;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * GETs a URL within the configured limits: every hop's address checked by the {@link AddressGuard},
 * and connections opened only to the addresses it checked ({@link PinnedDns}: the reason this is
 * Apache HttpClient's classic client, which takes a DNS resolver, and not the JDK's, which resolves
 * again on its own); redirects followed here, each hop checked; decoded body size capped;
 * connect/read/total timeouts; accepted content types. HTTP/1.1 only.
 */
public final class SafeHttpClient {
  /** Idle connections kept in all, and per host (one request in flight per host, see HostGate). */
  private static final int MAX_CONNECTIONS = 256;

  private static final int MAX_CONNECTIONS_PER_HOST = 4;

  private final CloseableHttpClient client;
  private final AddressGuard guard;
  private final Duration connectTimeout;
  private final String userAgent;
  private final long maxBytes;
  private final Duration readTimeout;
  private final Duration totalTimeout;
  private final int maxRedirects;

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
    this.connectTimeout = connectTimeout;
    // no proxy, cookies, retries, redirects or transparent decompression: all are ours to decide
    this.client =
        HttpClients.custom()
            .setConnectionManager(
                PoolingHttpClientConnectionManagerBuilder.create()
                    .setDnsResolver(new PinnedDns(guard))
                    .setMaxConnTotal(MAX_CONNECTIONS)
                    .setMaxConnPerRoute(MAX_CONNECTIONS_PER_HOST)
                    .setConnectionTimeToLive(TimeValue.ofMinutes(2))
                    .build())
            .disableRedirectHandling()
            .disableContentCompression()
            .disableAutomaticRetries()
            .disableCookieManagement()
            .disableAuthCaching()
            .build();
  }

  public String userAgent() {
    return userAgent;
  }

  public long maxBytes() {
    return maxBytes;
  }

  /**
   * Checks the URL's scheme and address without fetching, so nothing else (robots.txt) is asked
   * first.
   */
  public void checkAddress(URI uri) throws FetchException {
    checkScheme(uri);
    check(uri);
  }

  private void check(URI uri) throws FetchException {
    try {
      guard.check(uri);
    } catch (AddressRefused e) {
      throw refusal(e);
    }
  }

  static FetchException refusal(AddressRefused e) {
    FetchException.Reason reason =
        switch (e.kind()) {
          case BAD_URL -> FetchException.Reason.BAD_URL;
          case UNKNOWN_HOST -> FetchException.Reason.NETWORK;
          case BLOCKED -> FetchException.Reason.BLOCKED_ADDRESS;
        };
    return new FetchException(reason, e.getMessage(), e);
  }

  public FetchResult fetch(FetchRequest request) throws FetchException {
    long deadline = System.nanoTime() + totalTimeout.toNanos();
    URI uri = request.uri();
    Set<URI> visited = new HashSet<>();
    for (int hop = 0; ; hop++) {
      checkScheme(uri);
      check(uri);
      if (!visited.add(uri)) {
        throw new FetchException(
            FetchException.Reason.TOO_MANY_REDIRECTS,
            "redirect loop at " + uri + " (from " + request.uri() + ")");
      }
      HttpGet get = get(uri, request, deadline);
      try (Watchdog.Watch watch =
          new Watchdog.Watch(get::cancel, readTimeout.toNanos(), deadline)) {
        CloseableHttpResponse response = send(get, uri, watch);
        int status = response.getCode();
        if (isRedirect(status)) {
          String location = header(response, "Location");
          discard(get, response);
          if (location == null) {
            throw new FetchException(
                FetchException.Reason.HTTP_STATUS,
                "HTTP " + status + " without Location from " + uri);
          }
          if (hop >= maxRedirects) {
            throw new FetchException(
                FetchException.Reason.TOO_MANY_REDIRECTS,
                "more than newswire.fetcher.max-redirects="
                    + maxRedirects
                    + " redirects from "
                    + request.uri());
          }
          try {
            uri = uri.resolve(location.strip());
          } catch (IllegalArgumentException e) {
            throw new FetchException(
                FetchException.Reason.BAD_URL,
                "bad redirect Location '" + location + "' from " + uri);
          }
          continue;
        }
        return answer(uri, request, get, response, watch);
      }
    }
  }

  private FetchResult answer(
      URI uri,
      FetchRequest request,
      HttpGet get,
      CloseableHttpResponse response,
      Watchdog.Watch watch)
      throws FetchException {
    int status = response.getCode();
    String etag = header(response, "ETag");
    String lastModified = header(response, "Last-Modified");
    if (status == 304) {
      discard(get, response);
      return new FetchResult(uri, status, true, null, null, new byte[0], etag, lastModified);
    }
    if (status < 200 || status > 299) {
      discard(get, response);
      throw new FetchException(
          FetchException.Reason.HTTP_STATUS, "HTTP " + status + " from " + uri);
    }
    String contentType = header(response, "Content-Type");
    String mediaType =
        contentType == null ? null : contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
    if (mediaType != null && !request.accept().isEmpty() && !request.accept().contains(mediaType)) {
      discard(get, response);
      throw new FetchException(
          FetchException.Reason.CONTENT_TYPE,
          "content type '"
              + mediaType
              + "' of "
              + uri
              + " is not accepted here (accepted: "
              + String.join(", ", request.accept())
              + "; pages: newswire.fetcher.accepted-content-types)");
    }
    HttpEntity entity = response.getEntity();
    long declared = entity == null ? 0 : entity.getContentLength();
    String encoding = header(response, "Content-Encoding");
    if (declared > maxBytes && (encoding == null || encoding.equalsIgnoreCase("identity"))) {
      discard(get, response);
      throw new FetchException(
          FetchException.Reason.TOO_LARGE,
          "body of "
              + uri
              + " declares "
              + declared
              + " bytes, over newswire.fetcher.max-body-bytes="
              + maxBytes);
    }
    if (entity == null) {
      discard(get, response);
      return new FetchResult(
          uri,
          status,
          false,
          mediaType,
          BodyDecoder.charsetParameter(contentType),
          new byte[0],
          etag,
          lastModified);
    }
    InputStream guarded;
    try {
      guarded = watch.body(entity.getContent());
    } catch (IOException e) {
      discard(get, response);
      throw new FetchException(
          FetchException.Reason.NETWORK, "reading " + uri + " failed: " + e.getMessage(), e);
    }
    boolean complete = false;
    try (InputStream decoded = BoundedBodies.decoding(guarded, encoding, uri.toString())) {
      byte[] body = BoundedBodies.read(decoded, maxBytes, uri.toString());
      complete = true;
      return new FetchResult(
          uri,
          status,
          false,
          mediaType,
          BodyDecoder.charsetParameter(contentType),
          body,
          etag,
          lastModified);
    } catch (BoundedBodies.BrokenEncoding e) {
      throw new FetchException(
          FetchException.Reason.ENCODING,
          "Content-Encoding " + encoding + " of " + uri + ": " + e.getMessage(),
          e);
    } catch (SocketTimeoutException e) {
      throw new FetchException(
          FetchException.Reason.TIMEOUT,
          "reading " + uri + " took too long (newswire.fetcher.read-timeout)",
          e);
    } catch (IOException e) {
      throw aborted(
          watch,
          "reading " + uri,
          e,
          () ->
              new FetchException(
                  FetchException.Reason.NETWORK,
                  "reading " + uri + " failed: " + e.getMessage(),
                  e));
    } finally {
      if (!complete) {
        get.cancel(); // drop the connection instead of reading the rest of a body we refused
      }
      try {
        guarded.close();
      } catch (IOException ignored) {
        // nothing left to read
      }
      close(response);
    }
  }

  private HttpGet get(URI uri, FetchRequest request, long deadline) throws FetchException {
    long remaining = deadline - System.nanoTime();
    if (remaining <= 0) {
      throw new FetchException(
          FetchException.Reason.TIMEOUT,
          "newswire.fetcher.total-timeout=" + totalTimeout + " passed before " + uri);
    }
    HttpGet get;
    try {
      get = new HttpGet(uri);
    } catch (IllegalArgumentException e) {
      throw new FetchException(
          FetchException.Reason.BAD_URL, "cannot request " + uri + ": " + e.getMessage(), e);
    }
    get.setConfig(
        RequestConfig.custom()
            .setConnectTimeout(Timeout.ofMilliseconds(Math.max(1, connectTimeout.toMillis())))
            .setConnectionRequestTimeout(
                Timeout.ofMilliseconds(Math.max(1, connectTimeout.toMillis())))
            // the socket timeout: the wait for the headers and for each later read
            .setResponseTimeout(
                Timeout.of(
                    Math.max(1_000_000, Math.min(remaining, readTimeout.toNanos())),
                    TimeUnit.NANOSECONDS))
            .setRedirectsEnabled(false)
            .build());
    get.setHeader("User-Agent", userAgent);
    get.setHeader("Accept-Encoding", BoundedBodies.ACCEPT_ENCODING);
    get.setHeader(
        "Accept",
        request.accept().isEmpty() ? "*/*" : String.join(", ", request.accept()) + ", */*;q=0.1");
    if (request.etag() != null) {
      get.setHeader("If-None-Match", request.etag());
    }
    if (request.lastModified() != null) {
      get.setHeader("If-Modified-Since", request.lastModified());
    }
    return get;
  }

  /** The failure of a request the watchdog aborted, else {@code otherwise}. */
  private static FetchException aborted(
      Watchdog.Watch watch, String what, IOException e, Supplier<FetchException> otherwise) {
    String why = watch.expired();
    if (why == null) {
      return otherwise.get();
    }
    if (why.equals(Watchdog.Watch.INTERRUPTED)) {
      return new FetchException(
          FetchException.Reason.NETWORK, what + ": interrupted (the source is stopping)", e);
    }
    return new FetchException(
        FetchException.Reason.TIMEOUT, what + " took too long (" + why + ")", e);
  }

  private CloseableHttpResponse send(HttpGet get, URI uri, Watchdog.Watch watch)
      throws FetchException {
    try {
      return client.execute(get);
    } catch (PinnedDns.Refused e) {
      throw refusal(e.refusal());
    } catch (UnknownHostException e) {
      throw new FetchException(
          FetchException.Reason.NETWORK, "unknown host " + uri.getHost() + " in " + uri, e);
    } catch (ConnectTimeoutException e) {
      throw new FetchException(
          FetchException.Reason.TIMEOUT,
          "connecting to " + uri + " took too long (newswire.fetcher.connect-timeout)",
          e);
    } catch (SocketTimeoutException e) {
      throw new FetchException(
          FetchException.Reason.TIMEOUT,
          "no answer from " + uri + " in time (newswire.fetcher.read-timeout)",
          e);
    } catch (IOException e) {
      throw aborted(
          watch,
          "GET " + uri,
          e,
          () ->
              new FetchException(FetchException.Reason.NETWORK, "GET " + uri + " failed: " + e, e));
    } catch (IllegalArgumentException e) {
      throw new FetchException(
          FetchException.Reason.BAD_URL, "cannot request " + uri + ": " + e.getMessage(), e);
    }
  }

  private static String header(CloseableHttpResponse response, String name) {
    Header h = response.getFirstHeader(name);
    return h == null ? null : h.getValue();
  }

  private static void checkScheme(URI uri) throws FetchException {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new FetchException(
          FetchException.Reason.BAD_URL, "only http and https are fetched, not " + uri);
    }
  }

  private static boolean isRedirect(int status) {
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
  }

  /**
   * Ends a response whose body we do not want: a body-less one keeps its connection, else it is
   * dropped.
   */
  private static void discard(HttpGet get, CloseableHttpResponse response) {
    if (response.getEntity() != null) {
      get.cancel();
    }
    close(response);
  }

  private static void close(CloseableHttpResponse response) {
    try {
      response.close();
    } catch (IOException ignored) {
      // the connection is dropped either way
    }
  }
}
