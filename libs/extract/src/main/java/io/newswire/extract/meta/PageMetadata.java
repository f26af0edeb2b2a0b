package io.newswire.extract.meta;

import java.util.ArrayList;
import java.util.List;

/** What a page declares about itself; every field may be null (authors may be empty). */
public final class PageMetadata {
  public String title;
  public String published;
  public final List<String> authors = new ArrayList<>();
  public String language;
  public String section;

  void addAuthor(String name) {
    String n = Authors.clean(name);
    if (n != null && authors.stream().noneMatch(a -> a.equalsIgnoreCase(n))) {
      authors.add(n);
    }
  }
}
