package io.newswire.extract.html;

import io.newswire.extract.Deadline;
import io.newswire.extract.Extraction;
import io.newswire.extract.ExtractionException;
import io.newswire.extract.meta.HtmlMetadataReader;
import io.newswire.extract.meta.LanguageDetection;
import io.newswire.extract.meta.PageMetadata;
import io.newswire.extract.site.SitePage;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Main text and metadata of an HTML page: parse, read metadata, prune, locate, filter. */
public final class HtmlExtractor {

  private HtmlExtractor() {}

  public static Extraction extract(String html, String url, List<String> warnings) {
    return extract(html, url, warnings, SitePage.NONE, Deadline.NONE);
  }

  /**
   * @param site the memory of the page's site, or {@link SitePage#NONE}
   * @param deadline checked between the steps and inside their loops
   */
  public static Extraction extract(
      String html, String url, List<String> warnings, SitePage site, Deadline deadline) {
    Document doc = Jsoup.parse(html, url == null ? "" : url);
    deadline.check();
    PageMetadata meta = HtmlMetadataReader.read(doc);
    Element body = doc.body();
    Pruner.prune(body, deadline);
    PageScan scan = PageScan.of(body, deadline);
    Set<Element> chosen = ContentLocator.locate(scan, body, deadline);
    List<String> paragraphs =
        SecondOpinion.review(
            BlockFilter.paragraphs(scan, chosen, meta.title, site, deadline),
            scan,
            body,
            meta.title,
            site,
            deadline);
    if (paragraphs.isEmpty()) {
      throw new ExtractionException("no text left after cleaning");
    }
    String text = String.join("\n\n", paragraphs);
    String language = LanguageDetection.detect(text, meta.language);
    return new Extraction(
        meta.title, meta.published, meta.authors, language, meta.section, text, warnings);
  }
}
