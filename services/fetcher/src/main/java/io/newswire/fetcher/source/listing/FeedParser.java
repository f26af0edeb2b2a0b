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
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.xml.sax.SAXException;

/**
 * Parses RSS 0.9x/1.0/2.0 and Atom (ROME) and JSON Feed into items. XML is parsed here, with
 * doctypes, external entities and XInclude disabled, and handed to ROME as a DOM, so what ROME's
 * own parser settings would allow never matters.
 */
public final class FeedParser {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DocumentBuilderFactory XML = hardenedFactory();

  private FeedParser() {}

  /** A parsed feed: its title and its items, newest first as the feed lists them. */
  public record ParsedFeed(String title, List<FeedItem> items) {}

  public static ParsedFeed parse(byte[] body, String mediaType, URI base) throws FetchException {
    if (looksLikeJson(body, mediaType)) {
      return parseJsonFeed(body, base);
    }
    Document dom = parseXml(body, base.toString());
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

  /** Parses XML with doctypes and external entities refused (feeds, sitemaps). */
  public static Document parseXml(byte[] body, String origin) throws FetchException {
    try {
      DocumentBuilder builder;
      synchronized (XML) {
        builder = XML.newDocumentBuilder();
      }
      builder.setEntityResolver(
          (publicId, systemId) -> {
            throw new SAXException("external entity " + systemId + " refused");
          });
      builder.setErrorHandler(null);
      return builder.parse(new ByteArrayInputStream(body));
    } catch (SAXException | IOException | ParserConfigurationException e) {
      throw new FetchException(
          FetchException.Reason.PARSE,
          "invalid or unsafe XML from " + origin + ": " + e.getMessage(),
          e);
    }
  }

  private static DocumentBuilderFactory hardenedFactory() {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    try {
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      f.setFeature("http://xml.org/sax/features/external-general-entities", false);
      f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("This JVM's XML parser cannot be hardened", e);
    }
    f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    f.setXIncludeAware(false);
    f.setExpandEntityReferences(false);
    f.setNamespaceAware(true);
    return f;
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
