package io.newswire.extract.html;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Recognises the lines that close an article by addressing the reader rather than telling the story: how
 * to reach the author ("Email … at x@y.com or follow him @handle"), where to follow the site, a reporting
 * credit ("… contributed to this report"), an invitation to join or sign up. Only used on the article's
 * last short blocks, where such lines sit.
 */
final class TailLines {

  private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+\\.[\\w.]+");
  private static final Pattern HANDLE = Pattern.compile("(?:^|\\s|\\()@\\w{2,}");
  private static final String[] NETWORKS = {"twitter", "facebook", "instagram", "linkedin", "youtube"};
  private static final String[] PHRASES = {
    "contributed to this report", "contributed reporting", "contributed to this story", "follow us",
    "sign up", "subscribe", "newsletter", "join our", "have a tip", "news tip",
  };

  private TailLines() {}

  static boolean isContactOrPromo(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    if (EMAIL.matcher(text).find() || HANDLE.matcher(text).find()) {
      return true;
    }
    if (lower.contains("follow")) {
      for (String n : NETWORKS) {
        if (lower.contains(n)) {
          return true;
        }
      }
    }
    for (String p : PHRASES) {
      if (lower.contains(p)) {
        return true;
      }
    }
    return false;
  }
}
