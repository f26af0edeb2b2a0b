package io.newswire.extract.text;

import io.newswire.extract.Extraction;
import java.util.List;

public final class PlainTextExtractor {
  private PlainTextExtractor() {}

  public static Extraction extract(String text, List<String> warnings) {
    return new Extraction(null, null, List.of(), null, null, text.strip(), warnings);
  }
}
