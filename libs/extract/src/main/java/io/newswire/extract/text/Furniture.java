package io.newswire.extract.text;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import java.util.Locale;
import java.util.Set;

/**
 * Recognises the stock lines of page furniture that sites share: "Read more", "Share this",
 * newsletter prompts, image credits, calls to action. Used on HTML blocks and on plain-text lines
 * alike. Only short lines are judged, so a paragraph that merely contains such words is never
 * dropped.
 */
public final class Furniture {

  /** Lines longer than this are text, whatever they say. */
  private static final int MAX_WORDS = 16;

  private static final Set<String> WHOLE_LINES =
      Set.of(
          "read more",
          "read more stories",
          "continue reading",
          "share",
          "share this",
          "share this article",
          "share this story",
          "share this post",
          "share on facebook",
          "share on twitter",
          "tweet",
          "email",
          "e-mail",
          "print",
          "advertisement",
          "advertising",
          "ad",
          "related",
          "related articles",
          "related stories",
          "related posts",
          "related content",
          "related news",
          "related topics",
          "you may also like",
          "you might also like",
          "recommended",
          "recommended for you",
          "more from",
          "most popular",
          "most read",
          "trending",
          "trending now",
          "subscribe",
          "subscribe now",
          "sign up",
          "log in",
          "login",
          "sign in",
          "register",
          "comments",
          "comment",
          "leave a comment",
          "view all",
          "see all",
          "see more",
          "show more",
          "load more",
          "back to top",
          "skip to content",
          "skip to main content",
          "follow us",
          "connect with us",
          "latest",
          "latest news",
          "latest stories",
          "latest articles",
          "latest posts",
          "top stories",
          "tags",
          "topics",
          "loading",
          "click here",
          "next article",
          "previous article",
          "next post",
          "previous post",
          "newsletter",
          "menu",
          "search",
          "close",
          "home",
          "share via",
          "copy link",
          "link copied",
          "listen",
          "listen to this article",
          "follow",
          "more",
          "en",
          "top",
          "next",
          "previous",
          "back",
          "caption",
          "photo",
          "image",
          "video",
          "gallery",
          "enlarge this image",
          "toggle caption",
          "hide caption",
          "expand",
          "advert",
          "sponsored",
          "sponsored links",
          "sponsored content",
          "text size",
          "font size",
          "anzeige",
          "werbung",
          "publicidad",
          "publicité",
          "pubblicità",
          "publicidade",
          "iklan",
          "reklama",
          "реклама");

  private static final String[] PREFIXES = {
    "image source",
    "image credit",
    "image:",
    "photo:",
    "photo credit",
    "photograph:",
    "picture:",
    "credit:",
    "source: getty",
    "getty images",
    "read more:",
    "read more about",
    "related:",
    "also read",
    "see also:",
    "subscribe to our",
    "subscribe to the",
    "sign up for",
    "sign up to",
    "follow us on",
    "share on",
    "share this",
    "copyright ©",
    "copyright (c)",
    "©",
    "(c) ",
    "all rights reserved",
    "click here to",
    "you have been successfully",
    "you've been successfully",
    "thank you for subscribing",
    "thanks for subscribing",
    "we respect your privacy",
    "by signing up",
    "download the app",
    "get the app",
    "listen to this",
    "this article was originally published",
    "tags:",
    "topics:",
    "filed under",
    "posted in",
    "this slideshow requires",
    "please enable javascript",
    "you need to enable javascript",
    "javascript is required",
  };

  /** Calls to action start with one of these verbs and promise one of the words below. */
  private static final String[] CTA_VERBS = {
    "request",
    "subscribe",
    "sign up",
    "register",
    "download",
    "click",
    "join",
    "try",
    "get",
    "book",
    "order",
    "start your",
    "claim",
  };

  private static final String[] CTA_PROMISES = {
    " free", " trial", " here", " now", " today", " newsletter"
  };

  private static final String[] ARTICLE_END_MARKERS = {
    "continue reading",
    "read more",
    "related",
    "latest",
    "more from",
    "more stories",
    "you may also like",
    "you might also like",
    "recommended",
    "most popular",
    "most read",
    "read next",
    "up next",
    "subscribe to our newsletter",
    "sign up for our newsletter",
    "you have been successfully subscribed",
    "leave a comment",
    "leave a reply",
    "comments",
    "you may like",
    "you might like",
    "previous post",
    "next post",
    "older post",
    "newer post",
    "previous article",
    "next article",
    "post a comment",
    "add a comment",
    "add new comment",
    "join the discussion",
    "show comments",
    "view comments",
  };

  /**
   * The stock wording of a blog's comment form and feed notice, which reads as prose: "Your email
   * address will not be published. Required fields are marked *".
   */
  private static final String[] COMMENT_FORM = {
    "your email address will not be published",
    "your email will not be published",
    "required fields are marked",
    "you may use these html tags",
    "you can follow any responses to this entry",
    "you can leave a response, or trackback",
    "notify me of follow-up comments",
    "notify me of new posts",
    "save my name, email, and website",
    "this site uses akismet",
  };

  /** A comment form's line runs up to this many words. */
  private static final int MAX_COMMENT_FORM_WORDS = 60;

  /** A blog's filing line ("Tags: …") runs up to this many words. */
  private static final int MAX_FILING_WORDS = 40;

  /** "More World of Sport News..." and the like are this short. */
  private static final int MAX_LINKS_HEADING_WORDS = 5;

  /**
   * "More tennis news...", "More Articles in Sports »", "Also in the news": a heading over other
   * articles' links. Only short lines that are not a sentence ("More than 40 people died.").
   */
  private static final String[] MORE_PREFIXES = {
    "more ", "mehr ", "weitere ", "plus de ", "más ", "altre ",
  };

  private static final String[] LINK_NOUNS = {
    " news",
    " articles",
    " stories",
    " headlines",
    " posts",
    " videos",
    "nachrichten",
    " artikel",
    " noticias",
    " notícias",
    " articles",
    " notizie",
    " actualités",
  };

  /**
   * How a blog files the post it closes: "Tags: …", "This entry was posted on … and is filed under
   * …".
   */
  private static final String[] FILING_PREFIXES = {
    "tags:",
    "tagged with",
    "tagged:",
    "filed under",
    "this entry was posted",
    "this entry was written",
  };

  /** "Reader Comments (3)", "Article comments", "Reader comments 22". */
  private static final Pattern READER_COMMENTS =
      Pattern.compile(
          "(?:reader|readers'?|reader's|article|user|your) comments?(?:\\W{0,3}\\d{1,5}\\W{0,2})?");

  /** Invitations to comment, which stand where the article ends. */
  private static final String[] COMMENT_INVITES = {
    "post your comment",
    "add your comment",
    "have your say",
    "be the first to comment",
    "no comments yet",
    "login or register to post comments",
    "log in or register to post comments",
    "what do you think",
    "kommentare",
    "comentarios",
    "comentários",
    "commentaires",
    "commenti",
  };

  /** "32M ago", "1 hour ago", "Updated 2 days ago": the stamp under a teaser of another article. */
  private static final Pattern RELATIVE_STAMP =
      Pattern.compile(
          "(?:updated |posted |published )?(?:an?|\\d{1,3}) ?(?:s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?"
              + "|w|wks?|weeks?|months?|years?) ago",
          Pattern.CASE_INSENSITIVE);

  /**
   * A comment's header ("joetoronto says:", "Posted by: Ann | Mar 26, 2007 2:00:18 PM"), its action
   * links ("Reply", "Permalink") or the heading above the comments ("34 responses to ...",
   * "Comments (87)"). A bare "52 comments" is not one: pages show that count beside the byline,
   * above the article.
   */
  private static final Pattern COMMENTS_START =
      Pattern.compile(
          "\\S+(?: \\S+)? says:|.{1,160}\\d{1,2}:\\d\\d.{0,20} (?:said|says|wrote):|(?:comments?|responses?|replies|discussion) ?(?:\\(\\d+\\)|: ?\\d+)"
              + "|(?:.+\\| ?)?(?:reply|permalink)|report abuse|trackback url.*"
              + "|.+\\d{1,2}:\\d\\d.*\\b(?:reply|permalink)(?: \\S+)?"
              + "|the following comments .*|comments filter:?|comments are (?:now )?closed.*"
              + "|(?:posted by|submitted by):? .{1,80}\\d{1,2}:\\d\\d(?::\\d\\d)? ?(?:[ap]\\.?m\\.?)?|\\d+ (?:responses?|comments?|replies|thoughts) (?:to|on) .*|(?:one|no) (?:response|"
              + "comment|reply|thought)s? (?:to|on) .*",
          Pattern.CASE_INSENSITIVE);

  /**
   * "Comments (87)", "Comments: 87": a count, which sites show beside the byline as well as above
   * the comments.
   */
  private static final Pattern COMMENT_COUNT =
      Pattern.compile(
          "(?:comments?|responses?|replies|discussion) ?(?:\\(\\d+\\)|: ?\\d+)",
          Pattern.CASE_INSENSITIVE);

  /**
   * A caption ends by crediting its picture: "Protesters wore masks (Image: GETTY)", "… Photo:
   * Reuters".
   */
  private static final Pattern CREDIT_END =
      Pattern.compile(
          ".*[(\\[](?:image|images|photo|photos|picture|pictures|credit|photograph)\\s*:[^)\\]]{1,60}[)\\]]",
          Pattern.CASE_INSENSITIVE);

  /**
   * A caption's credit as plain text shows it: "(AP Photo/Alan Diaz, File)", "(Photo by Jane
   * Roe/Agency)", "(John Roe/Reuters)" or "© Agency / John Roe" at the end of the line.
   */
  private static final Pattern TEXT_CREDIT_END =
      Pattern.compile(
          ".*(?:[(\\[][^()\\[\\]]{0,60}(?:\\bphotos?\\b|\\bimages?\\b|\\bgetty\\b|\\S/\\S)[^()\\[\\]]{0,60}[)\\]]"
              + "|\u00a9[^\u00a9]{1,60})",
          Pattern.CASE_INSENSITIVE);

  /** "Image 1 of 5", "1 of 6", "1 - 5 of 36": a gallery's or a list's counter. */
  private static final Pattern COUNTER =
      Pattern.compile(
          "(?:image|photo|picture|slide|item)?\\s*\\d{1,4}\\s*(?:[-\u2013]\\s*\\d{1,4}\\s*)?(?:of|/)\\s*\\d{1,4}",
          Pattern.CASE_INSENSITIVE);

  private Furniture() {}

  /** Whether the line is a picture caption that names its credit at the end. */
  public static boolean isCaption(String line) {
    String s = line.strip();
    return s.length() <= 300
        && (s.endsWith(")") || s.endsWith("]"))
        && CREDIT_END.matcher(s).matches();
  }

  /**
   * Whether a line of plain text is a picture caption: credited as {@link #isCaption} knows, or
   * with the photographer and agency in parentheses or after a copyright sign at the end.
   */
  public static boolean isTextCaption(String line) {
    String s = line.strip();
    if (isCaption(s)) {
      return true;
    }
    // cheap test first: the credit closes a bracket, or follows a copyright sign
    return s.length() <= 300
        && (s.endsWith(")") || s.endsWith("]") || s.indexOf('\u00a9') >= 0)
        && TEXT_CREDIT_END.matcher(s).matches();
  }

  /** Whether the line is only a relative time stamp, as under the teasers of a "latest" list. */
  public static boolean isRelativeStamp(String line) {
    String s = line.strip();
    return s.length() <= 30 && RELATIVE_STAMP.matcher(s).matches();
  }

  /** Whether the comments start at this line: what follows is readers' text, not the article's. */
  public static boolean startsComments(String line) {
    String s = line.strip();
    return s.length() <= 200 && mayStartComments(s) && COMMENTS_START.matcher(s).matches();
  }

  /**
   * What every form of {@link #COMMENTS_START} holds: a clock time, or one of its words. Most lines
   * hold neither, and this costs less than asking the pattern, which every block is asked.
   */
  private static boolean mayStartComments(String s) {
    if (hasClockTime(s)) {
      return true;
    }
    return containsAny(s.toLowerCase(Locale.ROOT), COMMENT_WORDS);
  }

  private static final String[] COMMENT_WORDS = {
    "says:",
    "comment",
    "respons",
    "repl",
    "discussion",
    "thought",
    "permalink",
    "abuse",
    "trackback"
  };

  /** "4:36", "11:08": a digit, a colon and two digits. */
  private static boolean hasClockTime(String s) {
    for (int i = s.indexOf(':'); i > 0; i = s.indexOf(':', i + 1)) {
      if (Character.isDigit(s.charAt(i - 1))
          && i + 2 < s.length()
          && Character.isDigit(s.charAt(i + 1))
          && Character.isDigit(s.charAt(i + 2))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the line is only a count of comments, which may stand above the report as well as below
   * it.
   */
  public static boolean isCommentCount(String line) {
    return COMMENT_COUNT.matcher(line.strip()).matches();
  }

  public static boolean isFurniture(String line) {
    String s = line.strip();
    if (s.isEmpty()) {
      return true;
    }
    if (words(s) > MAX_WORDS) {
      return false;
    }
    String lower = s.toLowerCase(Locale.ROOT);
    String bare = trimPunctuation(lower);
    if (WHOLE_LINES.contains(bare)
        || isRelativeStamp(s)
        || (s.length() <= 24 && COUNTER.matcher(s).matches())) {
      return true;
    }
    for (String p : PREFIXES) {
      if (lower.startsWith(p)) {
        return true;
      }
    }
    for (String verb : CTA_VERBS) {
      if (lower.startsWith(verb + " ") && containsAny(lower, CTA_PROMISES)) {
        return true;
      }
    }
    return false;
  }

  /**
   * A telephone or fax number: a digit, then digits, spaces, dots, dashes and brackets, another
   * digit; {@link #isContactBlock} counts only those with seven digits or more.
   */
  private static final Pattern PHONE = Pattern.compile("\\+?\\d[\\d ().-]{5,}\\d");

  /** An e-mail address; {@link TailLines} asks it too. */
  static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+\\.[\\w.]+");

  /** Contact details enough to be a contact block; a story quotes a hotline or an address once. */
  private static final int CONTACT_ITEMS = 3;

  /**
   * At most this many words per contact detail: a block of them is mostly numbers and addresses,
   * where a paragraph telling readers whom to call has a sentence around each.
   */
  private static final int WORDS_PER_CONTACT = 15;

  /**
   * A block of contact details, "Telephone: +972-3-761-9056 Fax: … E-mail: …": three or more
   * telephone numbers and e-mail addresses, one at least every 15 words. A site's service or
   * address block, however long, is not the story's text.
   */
  public static boolean isContactBlock(String line) {
    if (line.length() < 30 || (line.indexOf('@') < 0 && digits(line) < 7 * CONTACT_ITEMS)) {
      return false; // the cheap test first: most lines hold neither an address nor many digits
    }
    int items = 0;
    Matcher m = PHONE.matcher(line);
    while (m.find()) {
      if (digits(m.group()) >= 7) {
        items++;
      }
    }
    m = EMAIL.matcher(line);
    while (m.find()) {
      items++;
    }
    return items >= CONTACT_ITEMS && items * WORDS_PER_CONTACT >= words(line);
  }

  private static int digits(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      if (Character.isDigit(s.charAt(i))) {
        n++;
      }
    }
    return n;
  }

  /**
   * A copyright or rights notice, of any length: "© PONARS Eurasia 2021. The statements made ...".
   */
  public static boolean isNotice(String line) {
    String lower = line.strip().toLowerCase(Locale.ROOT);
    return lower.startsWith("\u00a9")
        || lower.startsWith("copyright \u00a9")
        || lower.startsWith("copyright (c)")
        || lower.startsWith("(c) ")
        || (lower.startsWith("copyright ") && lower.contains("all rights reserved"));
  }

  /**
   * A legal notice of the site, not of the story: a copyright line, or a line pointing at the
   * site's terms or privacy policy. It reads as prose, so the locator must not count it as such.
   */
  public static boolean isLegal(String line) {
    if (isNotice(line)) {
      return true;
    }
    String lower = line.toLowerCase(Locale.ROOT);
    return lower.contains("all rights reserved")
        || lower.contains("terms of use")
        || lower.contains("terms of service")
        || lower.contains("terms and conditions")
        || lower.contains("privacy policy");
  }

  /**
   * A marker after which a page shows other articles, not more of this one: "Continue reading",
   * "Related articles", "Latest news", "More from …", "More tennis news...", "Also in the news", a
   * newsletter sign-up, the blog's filing line ("Tags: …", "This entry was posted on … and is filed
   * under …") or an invitation to comment.
   */
  public static boolean endsArticle(String line) {
    String bare = trimPunctuation(line.strip().toLowerCase(Locale.ROOT));
    if (isFilingLine(line)) {
      return true;
    }
    if (words(bare) <= MAX_LINKS_HEADING_WORDS) {
      String s = line.strip();
      if ((bare.startsWith("also in ") || bare.startsWith("also on ")) && !endsPlainSentence(s)) {
        return true;
      }
      if (isLinksHeading(s, bare)) {
        for (String p : MORE_PREFIXES) {
          if (bare.startsWith(p)) {
            return true;
          }
        }
      }
    }
    for (String m : COMMENT_INVITES) {
      if (bare.equals(m)) {
        return true;
      }
    }
    if (bare.contains("comment") && READER_COMMENTS.matcher(bare).matches()) {
      return true;
    }
    // "Continue reading below" sits above an ad in the middle of the article
    if (words(bare) > 6 || bare.endsWith(" below")) {
      return false;
    }
    for (String m : ARTICLE_END_MARKERS) {
      if (bare.equals(m) || bare.startsWith(m + " ")) {
        return !bare.equals(m) ? words(bare) <= 4 : true;
      }
    }
    return false;
  }

  /** Whether the line is stock wording of a comment form or a post's feed notice. */
  public static boolean isCommentForm(String line) {
    if (words(line) > MAX_COMMENT_FORM_WORDS) {
      return false;
    }
    return containsAny(line.toLowerCase(Locale.ROOT), COMMENT_FORM);
  }

  /** Whether {@code text} holds any of {@code parts} (both as given: lower-case them first). */
  static boolean containsAny(String text, String[] parts) {
    for (String p : parts) {
      if (text.contains(p)) {
        return true;
      }
    }
    return false;
  }

  /**
   * How a blog files the post it closes ("Tags: …", "This entry was posted on …"): it ends the post
   * and heads no box of links inside it.
   */
  public static boolean isFilingLine(String line) {
    String bare = trimPunctuation(line.strip().toLowerCase(Locale.ROOT));
    if (words(bare) > MAX_FILING_WORDS) {
      return false;
    }
    for (String p : FILING_PREFIXES) {
      if (bare.startsWith(p)) {
        return true;
      }
    }
    return false;
  }

  /**
   * A heading that points at links, not a subheading of the article: it ends in an ellipsis, an
   * arrow or a colon, or names what the links are ("More World News").
   */
  private static boolean isLinksHeading(String s, String bare) {
    if (s.endsWith("...")
        || s.endsWith("\u2026")
        || s.endsWith("\u00bb")
        || s.endsWith("\u203a")
        || s.endsWith(">")
        || s.endsWith(":")) {
      return true;
    }
    for (String w : LINK_NOUNS) {
      if (bare.endsWith(w) || bare.contains(w + " ")) {
        return true;
      }
    }
    return false;
  }

  /** Ends with one full stop, "!" or "?", not an ellipsis. */
  private static boolean endsPlainSentence(String s) {
    if (s.endsWith("...")) {
      return false;
    }
    return s.endsWith(".") || s.endsWith("!") || s.endsWith("?");
  }

  public static int words(String s) {
    int n = 0;
    boolean in = false;
    for (int i = 0, len = s.length(); i < len; i++) {
      boolean space = Character.isWhitespace(s.charAt(i));
      if (!space && !in) {
        n++;
      }
      in = !space;
    }
    return n;
  }

  private static String trimPunctuation(String s) {
    int a = 0;
    int b = s.length();
    while (a < b && !Character.isLetterOrDigit(s.charAt(a))) {
      a++;
    }
    while (b > a && !Character.isLetterOrDigit(s.charAt(b - 1))) {
      b--;
    }
    return s.substring(a, b);
  }
}
