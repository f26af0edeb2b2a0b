package io.newswire.fetcher.source.page;

import com.google.re2j.Pattern;
import crawlercommons.domains.EffectiveTldFinder;
import io.newswire.model.DocumentIds;
import io.newswire.net.Cidr;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The URL half of the listing-page heuristic: whether a link found on a listing page points at an
 * article of the same site. No site-specific rules: only what URLs of tag pages, pagination,
 * accounts, feeds and media files look like on most sites, and what article URLs look like (a slug
 * of several words, a date, a numeric id, or a path below the listing's own).
 */
final class ArticleLinks {
  /**
   * Path segments of pages that are not reports: taxonomies, people, pagination, accounts, feeds.
   */
  private static final Set<String> NON_ARTICLE_SEGMENTS =
      Set.of(
          "tag",
          "tags",
          "category",
          "categories",
          "topic",
          "topics",
          "author",
          "authors",
          "people",
          "experts",
          "expert",
          "staff",
          "contributors",
          "profile",
          "profiles",
          "user",
          "users",
          "member",
          "members",
          "page",
          "login",
          "log-in",
          "signin",
          "sign-in",
          "logout",
          "log-out",
          "register",
          "signup",
          "sign-up",
          "account",
          "my-account",
          "subscribe",
          "subscription",
          "newsletter",
          "newsletters",
          "search",
          "share",
          "feed",
          "feeds",
          "rss",
          "atom",
          "amp",
          "print",
          "wp-admin",
          "wp-login.php",
          "wp-json",
          "cart",
          "checkout",
          "about",
          "about-us",
          "contact",
          "contact-us",
          "donate",
          "privacy",
          "privacy-policy",
          "terms",
          "cookie-policy",
          "cookies",
          "careers",
          "jobs",
          "cdn-cgi");

  /** Query parameters that make a link a sorted, filtered, paged, shared or printed variant. */
  private static final Set<String> VARIANT_PARAMETERS =
      Set.of(
          "page",
          "paged",
          "sort",
          "orderby",
          "order",
          "filter",
          "share",
          "replytocom",
          "action",
          "output",
          "format",
          "print",
          "s",
          "q",
          "query",
          "search",
          "lang",
          "view");

  /** Files that are not pages (reports published only as PDF are not fetched as pages either). */
  private static final Set<String> MEDIA_EXTENSIONS =
      Set.of(
          "jpg", "jpeg", "png", "gif", "webp", "svg", "avif", "bmp", "ico", "tif", "tiff", "pdf",
          "doc", "docx", "xls", "xlsx", "ppt", "pptx", "odt", "ods", "odp", "rtf", "epub", "mobi",
          "zip", "gz", "tgz", "rar", "7z", "bz2", "xz", "mp3", "mp4", "m4a", "m4v", "mov", "avi",
          "wmv", "webm", "ogg", "oga", "ogv", "wav", "flac", "css", "js", "json", "xml", "rss",
          "atom", "ics", "vcf", "csv", "woff", "woff2", "ttf", "eot");

  private static final Pattern DATED =
      Pattern.compile(
          // year, month and the same separator again (or the end), spelled out: RE2/J has no
          // backreferences
          "(^|/)(19|20)\\d{2}(?:/(0?[1-9]|1[0-2])(/|$|-)|-(0?[1-9]|1[0-2])(-|$))");
  private static final Pattern COMPACT_DATE =
      Pattern.compile("(^|[/_-])(19|20)\\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\\d|3[01])($|[/_.-])");
  private static final Pattern NUMERIC_ID = Pattern.compile("(^|[^0-9])\\d{4,}([^0-9]|$)");
  private static final Pattern WORD = Pattern.compile("[\\p{L}][\\p{L}\\p{N}']*");

  private ArticleLinks() {}

  /**
   * The link to fetch, canonical (fragment and tracking parameters removed, as in the document id
   * rule), if {@code href} looks like an article of the listing's site, else null.
   */
  static String accept(URI listing, String href) {
    URI link = parse(href);
    if (link == null || link.isOpaque() || link.getHost() == null) {
      return null;
    }
    String scheme = link.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      return null;
    }
    if (!sameSite(listing.getHost(), link.getHost())) {
      return null;
    }
    String path = link.getRawPath() == null ? "" : link.getRawPath();
    List<String> segments = segments(path);
    List<String> listingSegments =
        segments(listing.getRawPath() == null ? "" : listing.getRawPath());
    if (segments.equals(listingSegments)) {
      return null; // the listing itself, or a sorted or paged variant of it
    }
    for (String segment : segments) {
      if (NON_ARTICLE_SEGMENTS.contains(segment.toLowerCase(Locale.ROOT))) {
        return null;
      }
    }
    String last = segments.isEmpty() ? "" : segments.get(segments.size() - 1);
    if (MEDIA_EXTENSIONS.contains(extension(last))) {
      return null;
    }
    if (hasVariantParameter(link.getRawQuery())) {
      return null;
    }
    if (!looksLikeArticle(path, last, link.getRawQuery())
        && !deeperThan(segments, listingSegments, last)) {
      return null;
    }
    try {
      return DocumentIds.canonicalUrl(link.toASCIIString());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /**
   * Same host (a leading {@code www.} aside) or the same registrable domain by the public suffix
   * list, so {@code news.example.org} belongs to {@code www.example.org} but {@code example.co.uk}
   * not to {@code other.co.uk}. IP addresses only match themselves.
   */
  static boolean sameSite(String a, String b) {
    if (a == null || b == null) {
      return false;
    }
    String x = stripWww(a.toLowerCase(Locale.ROOT));
    String y = stripWww(b.toLowerCase(Locale.ROOT));
    if (x.equals(y)) {
      return true;
    }
    if (Cidr.isLiteral(x.replace("[", "").replace("]", ""))
        || Cidr.isLiteral(y.replace("[", "").replace("]", ""))) {
      return false;
    }
    // strict: an unknown suffix (intranet names, "localhost") has no registrable domain, so only
    // equal hosts match; private suffixes count, so two blogs on one hosting domain are two sites
    String dx = EffectiveTldFinder.getAssignedDomain(x, true, false);
    return dx != null && dx.equals(EffectiveTldFinder.getAssignedDomain(y, true, false));
  }

  /**
   * {@code href} as a URI; a link with spaces or non-ASCII letters is percent-encoded, not dropped.
   */
  private static URI parse(String href) {
    String h = href.strip();
    try {
      return new URI(h);
    } catch (URISyntaxException e) {
      try {
        URL u = new URL(h);
        return new URI(
            u.getProtocol(),
            u.getUserInfo(),
            u.getHost(),
            u.getPort(),
            u.getPath(),
            u.getQuery(),
            u.getRef());
      } catch (MalformedURLException | URISyntaxException e2) {
        return null;
      }
    }
  }

  private static String stripWww(String host) {
    return host.startsWith("www.") ? host.substring(4) : host;
  }

  private static List<String> segments(String rawPath) {
    List<String> out = new ArrayList<>();
    for (String s : rawPath.split("/")) {
      if (!s.isEmpty()) {
        out.add(s);
      }
    }
    return out;
  }

  private static String extension(String segment) {
    int dot = segment.lastIndexOf('.');
    return dot < 0 ? "" : segment.substring(dot + 1).toLowerCase(Locale.ROOT);
  }

  private static boolean hasVariantParameter(String rawQuery) {
    if (rawQuery == null || rawQuery.isEmpty()) {
      return false;
    }
    for (String pair : rawQuery.split("&")) {
      int eq = pair.indexOf('=');
      String name = (eq < 0 ? pair : pair.substring(0, eq)).toLowerCase(Locale.ROOT);
      if (VARIANT_PARAMETERS.contains(name)) {
        return true;
      }
    }
    return false;
  }

  /** A slug of three or more words, a dated path, or a numeric id (in the path or an id query). */
  static boolean looksLikeArticle(String path, String last, String rawQuery) {
    if (words(stem(last)) >= 3) {
      return true;
    }
    if (DATED.matcher(path).find() || COMPACT_DATE.matcher(path).find()) {
      return true;
    }
    if (NUMERIC_ID.matcher(path).find()) {
      return true;
    }
    if (rawQuery != null) {
      for (String pair : rawQuery.split("&")) {
        String lower = pair.toLowerCase(Locale.ROOT);
        if (lower.matches("(p|id|article|articleid|story|storyid|news_id|post)=\\d+")) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Below the listing's own path ({@code /reports/} lists {@code /reports/belarus-union}) and more
   * than one plain word, so a sub-section such as {@code /reports/russia} does not count. Not for a
   * listing at the site root, where everything is "below".
   */
  private static boolean deeperThan(
      List<String> segments, List<String> listingSegments, String last) {
    List<String> dir = listingSegments;
    if (!dir.isEmpty() && dir.get(dir.size() - 1).contains(".")) {
      dir = dir.subList(0, dir.size() - 1); // /reports/index.html lists /reports/...
    }
    if (dir.isEmpty()
        || segments.size() <= dir.size()
        || !segments.subList(0, dir.size()).equals(dir)) {
      return false;
    }
    String stem = stem(last);
    boolean file = !extension(last).isEmpty() && !stem.isEmpty();
    return file || words(stem) >= 2 || stem.chars().anyMatch(Character::isDigit);
  }

  private static String stem(String segment) {
    String s = segment;
    int dot = s.lastIndexOf('.');
    if (dot > 0) {
      s = s.substring(0, dot);
    }
    try {
      return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return s; // a stray '%'
    }
  }

  private static int words(String stem) {
    int n = 0;
    for (String part : stem.split("[-_+.\\s]+")) {
      if (WORD.matcher(part).matches()) {
        n++;
      }
    }
    return n;
  }
}
