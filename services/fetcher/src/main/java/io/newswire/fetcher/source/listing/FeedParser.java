package io.newswire.fetcher.source.listing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import io.newswire.fetcher.http.FetchException;
import io.newswire.fetcher.source.Documents.ItemMetadata;
import io.newswire.fetcher.source.FeedItem;
import io.newswire.fetcher.xml.SafeXml;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.w3c.dom.Document;

/**
 * Parses RSS 0.9x/1.0/2.0 and Atom (ROME) and JSON Feed into items. XML is parsed by {@link
 * SafeXml}, with doctypes, external entities and XInclude refused, and handed to ROME as a DOM, so
 * what ROME's own parser settings would allow never matters.
 */
public final class FeedParser {
  private static final ObjectMapper JSON = new ObjectMapper();

  private FeedParser() {}

  /** A parsed feed: its title and its items, newest first as the feed lists them. */
  public record ParsedFeed(String title, List<FeedItem> items) {}

  public static ParsedFeed parse(byte[] body, String mediaType, URI base) throws FetchException {
    if (looksLikeJson(body, mediaType)) {
      return parseJsonFeed(body, base);
    }
    Document dom = SafeXml.parse(body, base.toString());
    try {
      SyndFeedInput input = new SyndFeedInput();
      input.setAllowDoctypes(false);
      SyndFeed feed = input.build(dom);
      List<FeedItem> items = new ArrayList<>();
      for (SyndEntry entry : feed.getEntries()) {
        String link = entry.getLink();
        if ((link == null || link.isBlank())
            && entry.getUri() != null
            && entry.getUri().startsWith("http")) {
          link = entry.getUri();
        }
        if (link == null || link.isBlank()) {
          continue;
        }
        Date date =
            entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate();
        String author = entry.getAuthor();
        items.add(
            new FeedItem(
                resolve(base, link),
                new ItemMetadata(
                    blankToNull(entry.getTitle()),
                    date == null ? null : date.toInstant().toString(),
                    blankToNull(author))));
      }
      return new ParsedFeed(feed.getTitle(), items);
    } catch (FeedException | IllegalArgumentException e) {
      throw new FetchException(
          FetchException.Reason.PARSE,
          "not an RSS or Atom feed: " + base + ": " + e.getMessage(),
          e);
    }
  }

  private static ParsedFeed parseJsonFeed(byte[] body, URI base) throws FetchException {
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (IOException e) {
      throw new FetchException(
          FetchException.Reason.PARSE, "invalid JSON Feed from " + base + ": " + e.getMessage(), e);
    }
    if (root == null
        || !root.path("version").asText("").startsWith("https://jsonfeed.org/version/")) {
      throw new FetchException(
          FetchException.Reason.PARSE,
          "JSON from " + base + " is not a JSON Feed (no jsonfeed.org version)");
    }
    List<FeedItem> items = new ArrayList<>();
    for (JsonNode item : root.path("items")) {
      String link = text(item, "url");
      if (link == null) {
        link = text(item, "external_url");
      }
      if (link == null) {
        continue;
      }
      String author = null;
      if (item.path("authors").isArray() && item.path("authors").size() > 0) {
        author = text(item.path("authors").get(0), "name");
      } else if (item.has("author")) {
        author = text(item.path("author"), "name");
      }
      String published = text(item, "date_published");
      items.add(
          new FeedItem(
              resolve(base, link),
              new ItemMetadata(
                  text(item, "title"),
                  published != null ? published : text(item, "date_modified"),
                  author)));
    }
    return new ParsedFeed(text(root, "title"), items);
  }

  private static boolean looksLikeJson(byte[] body, String mediaType) {
    if (mediaType != null && mediaType.contains("json")) {
      return true;
    }
    for (byte b : body) {
      if (!Character.isWhitespace(b)) {
        return b == '{';
      }
    }
    return false;
  }

  static String resolve(URI base, String link) {
    try {
      return base.resolve(link.strip()).toString();
    } catch (IllegalArgumentException e) {
      return link.strip();
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() || v.asText().isBlank() ? null : v.asText();
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
