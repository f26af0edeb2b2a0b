package io.newswire.console.sources;

import java.util.Set;

/**
 * What the add-source form holds: kept as typed when the fetcher refuses it, so the user corrects
 * one field rather than typing them all again. {@code error} is the fetcher's and {@code field} the
 * one it names (name, type, url, path or interval); both are empty when nothing was refused.
 */
public record SourceForm(
    String name,
    String type,
    String url,
    String path,
    String interval,
    String field,
    String error) {
  public static final SourceForm EMPTY = new SourceForm("", "feed", "", "", "", "", "");
  private static final Set<String> FIELDS = Set.of("name", "type", "url", "path", "interval");

  public SourceForm {
    name = trimmed(name);
    type = trimmed(type);
    url = trimmed(url);
    path = trimmed(path);
    interval = trimmed(interval);
    field = field == null ? "" : field;
    error = error == null ? "" : error;
  }

  /**
   * This form refused for {@code why}; {@code field} may be empty or one the form lacks, for a
   * general reason.
   */
  public SourceForm failed(String field, String why) {
    return new SourceForm(name, type, url, path, interval, field, why);
  }

  /** The reason shown by {@code input}, or empty when the refusal is not about it. */
  public String errorOn(String input) {
    return field.equals(input) ? error : "";
  }

  /**
   * A reason that names no field of the form (a role the key lacks, the fetcher not answering),
   * shown by the button.
   */
  public String formError() {
    return FIELDS.contains(field) ? "" : error;
  }

  private static String trimmed(String text) {
    return text == null ? "" : text.trim();
  }
}
