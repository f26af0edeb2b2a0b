package io.newswire.fetcher.xml;

import io.newswire.fetcher.http.FetchException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.xml.sax.SAXException;

/**
 * The one XML parser of the fetcher, for feeds and sitemaps alike: doctypes, external entities,
 * external DTDs and schemas and XInclude are refused, so no document it reads can make it open a
 * file or a connection, or expand entities without bound.
 */
public final class SafeXml {
  private static final DocumentBuilderFactory XML = hardenedFactory();

  private SafeXml() {}

  /** Parses XML with doctypes and external entities refused. */
  public static Document parse(byte[] body, String origin) throws FetchException {
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
}
