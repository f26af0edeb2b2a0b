package io.newswire.extract;

import java.util.List;

/**
 * What the extractor makes of one page or report.
 *
 * @param title the headline, or {@code null} when none is found
 * @param published ISO-8601 with date precision allowed ({@code 2020-10-09}, {@code 2021-09}, or a
 *     full instant), or {@code null}
 * @param authors bylines in page order, never {@code null}
 * @param language ISO 639-1 code, or {@code null} when no guess is safe
 * @param section the section or category the page declares, or {@code null}
 * @param text the main text, paragraphs separated by one blank line
 * @param warnings non-fatal problems met on the way, e.g. {@code "truncated: input over 5000000
 *     chars"}
 */
public record Extraction(
    String title,
    String published,
    List<String> authors,
    String language,
    String section,
    String text,
    List<String> warnings) {

  public Extraction {
    authors = authors == null ? List.of() : List.copyOf(authors);
    warnings = warnings == null ? List.of() : List.copyOf(warnings);
  }
}
