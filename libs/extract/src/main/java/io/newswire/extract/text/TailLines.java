package io.newswire.extract.text;

import com.google.re2j.Pattern;
import java.util.Locale;

/**
 * Recognises the lines that close an article by addressing the reader rather than telling the
 * story: how to reach the author ("Email … at x@y.com or follow him @handle"), where to follow the
 * site, a reporting credit ("… contributed to this report"), an invitation to join or sign up. Only
 * used on the article's last short blocks, where such lines sit.
 */
public final class TailLines {

  private static final Pattern PROFILE_LINK =
      Pattern.compile(
          "(?:https?://)?(?:www\\.)?(?:twitter|facebook|instagram|linkedin|x)\\.com/\\S+",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern HANDLE = Pattern.compile("(?:^|\\s|\\()@\\w{2,}");
  private static final String[] NETWORKS = {
    "twitter", "facebook", "instagram", "linkedin", "youtube"
  };
  private static final String[] PHRASES = {
    "contributed to this report",
    "contributed reporting",
    "contributed to this story",
    "follow us",
    "sign up",
    "subscribe",
    "newsletter",
    "join our",
    "have a tip",
    "news tip",
    "additional reporting by",
    "click here",
    "tell us what you think",
    "let us know what you think",
    "what do you think",
  };

  private static final Pattern BIO =
      Pattern.compile(
          "(?:\\b(?:is|was) (?:a|an|the)\\b|\\bwrites\\b|'s (?:new |latest )?book\\b)"
              + ".*\\b(?:writer|author|journalist|editor|reporter|correspondent|columnist|contributor|publisher|blogger)s?\\b"
              + "|\\b(?:writer|author|journalist|editor|reporter|correspondent|columnist|contributor)s?\\b"
              + ".*\\b(?:writes|covers)\\b",
          Pattern.CASE_INSENSITIVE);

  /** "About Jane Roe", "Über Acme", "Sobre Carlos Nadalim", "About the author". */
  private static final Pattern ABOUT_HEADING =
      Pattern.compile(
          "(?i:about|\u00fcber|sobre|\u00e0 propos de|a propos de|acerca de|informazioni su)"
              + "\\s+(?:(?i:the author|den autor|die autorin|o autor|a autora|el autor|la autora"
              + "|l'auteur)|\\p{Lu}[\\p{L}.'\u2019-]*(?:\\s+\\p{Lu}[\\p{L}.'\u2019-]*){0,3}):?");

  private TailLines() {}

  /** A heading over a bio: "About Jane Roe", "Über Acme", "About the author". */
  public static boolean isAboutHeading(String text) {
    return text.length() <= 60 && ABOUT_HEADING.matcher(text.strip()).matches();
  }

  /**
   * "Jane Doe is a senior writer at …", "Pulitzer Prize-winning journalist X writes a daily blog
   * …".
   */
  public static boolean isAuthorBio(String text) {
    return text.length() <= 400 && namesAProfession(text) && BIO.matcher(text).find();
  }

  /** The professions every form of {@link #BIO} names; cheaper to ask than the pattern. */
  private static final String[] PROFESSIONS = {
    "writer",
    "author",
    "journalist",
    "editor",
    "reporter",
    "correspondent",
    "columnist",
    "contributor",
    "publisher",
    "blogger"
  };

  private static boolean namesAProfession(String text) {
    return Furniture.containsAny(text.toLowerCase(Locale.ROOT), PROFESSIONS);
  }

  public static boolean isContactOrPromo(String text) {
    if (isAuthorBio(text)) {
      return true;
    }
    String lower = text.toLowerCase(Locale.ROOT);
    if (Furniture.EMAIL.matcher(text).find()
        || HANDLE.matcher(text).find()
        || PROFILE_LINK.matcher(text.strip()).matches()) {
      return true;
    }
    return (lower.contains("follow") && Furniture.containsAny(lower, NETWORKS))
        || Furniture.containsAny(lower, PHRASES);
  }
}
