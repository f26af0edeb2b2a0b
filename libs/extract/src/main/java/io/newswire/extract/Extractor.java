package io.newswire.extract;

import io.newswire.content.BodyDecoder;
import io.newswire.content.Decoded;
import io.newswire.extract.html.HtmlExtractor;
import io.newswire.extract.input.InputGuard;
import io.newswire.extract.site.SiteBoilerplate;
import io.newswire.extract.site.SitePage;
import io.newswire.extract.text.PlainTextExtractor;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Extracts the main text and metadata of a page or a plain-text report. Thread-safe: one instance
 * can be shared by any number of threads. Without a {@link SiteBoilerplate} it holds no state and
 * every page is cleaned on its own; with one, blocks a site repeats across its pages are dropped as
 * furniture too.
 */
public final class Extractor {

  private final SiteBoilerplate site;
  private final Duration maxTime;

  /** Every page on its own, without a time limit (the CLI batch and the evaluation use this). */
  public Extractor() {
    this(null, null);
  }

  /**
   * @param site memory of what each host repeats across its pages, consulted for pages with a URL;
   *     may be null
   */
  public Extractor(SiteBoilerplate site) {
    this(site, null);
  }

  /**
   * @param site memory of what each host repeats across its pages, consulted for pages with a URL;
   *     may be null
   * @param maxTime how long one extraction may take before it fails with {@link
   *     ExtractionTimeoutException}; null or zero for no limit
   */
  public Extractor(SiteBoilerplate site, Duration maxTime) {
    this.site = site;
    this.maxTime = maxTime;
  }

  /** How far into a body without a content type to look for HTML tags. */
  private static final int SNIFF_CHARS = 4096;

  private static final String[] HTML_MARKERS = {
    "<html", "<body", "<p", "<div", "<!doctype html", "<head", "<br"
  };

  /**
   * @param body the page or report as text
   * @param contentType e.g. {@code text/html} or {@code text/plain}, parameters allowed; null to
   *     sniff
   * @param url where it came from, used to resolve links; may be null
   * @throws ExtractionException for empty or binary input, when no text is left after cleaning, or
   *     (as {@link ExtractionTimeoutException}) when the extraction takes longer than this
   *     extractor's limit
   */
  public Extraction extract(String body, String contentType, String url) {
    Deadline deadline = Deadline.after(maxTime);
    List<String> warnings = new ArrayList<>();
    String checked = InputGuard.check(body, warnings);
    String host = site == null ? null : hostOf(url);
    SitePage page = host == null ? SitePage.NONE : site.open(host, url);
    Extraction e =
        isHtml(contentType, checked)
            ? HtmlExtractor.extract(checked, url, warnings, page, deadline)
            : PlainTextExtractor.extract(checked, warnings, page, deadline);
    page.commit();
    return e;
  }

  /** Lower-cased host of an absolute URL, or null (no URL, a file, or not parseable). */
  static String hostOf(String url) {
    if (url == null || url.isBlank()) {
      return null;
    }
    try {
      String host = URI.create(url.strip()).getHost();
      return host == null ? null : host.toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /**
   * Like {@link #extract} for raw bytes: decodes them (byte-order mark, the header's charset, the
   * page's {@code <meta charset>}, then UTF-8 or windows-1252); any doubt about the charset is
   * reported in {@link Extraction#warnings()}.
   *
   * @param contentTypeHeader the full {@code Content-Type} header, e.g. {@code text/html;
   *     charset=windows-1251}
   */
  public Extraction extractBytes(byte[] body, String contentTypeHeader, String url) {
    if (body == null || body.length == 0) {
      throw new ExtractionException("empty input");
    }
    Decoded decoded = BodyDecoder.decode(body, contentTypeHeader);
    List<String> decodeWarnings = new ArrayList<>(decoded.warnings());
    Extraction e = extract(decoded.text(), contentTypeHeader, url);
    if (decodeWarnings.isEmpty()) {
      return e;
    }
    decodeWarnings.addAll(e.warnings());
    return new Extraction(
        e.title(), e.published(), e.authors(), e.language(), e.section(), e.text(), decodeWarnings);
  }

  static boolean isHtml(String contentType, String body) {
    if (contentType != null && !contentType.isBlank()) {
      String ct = contentType.toLowerCase(Locale.ROOT);
      if (ct.contains("html") || ct.contains("xml")) {
        return true;
      }
      if (ct.startsWith("text/")) {
        return false;
      }
    }
    String head = body.substring(0, Math.min(body.length(), SNIFF_CHARS)).toLowerCase(Locale.ROOT);
    for (String marker : HTML_MARKERS) {
      int i = head.indexOf(marker);
      if (i >= 0) {
        int after = i + marker.length();
        // "<p" must be a tag, not the start of "<price>" text in a plain report
        if (after >= head.length()
            || !Character.isLetterOrDigit(head.charAt(after))
            || marker.length() > 3) {
          return true;
        }
      }
    }
    return false;
  }
}
