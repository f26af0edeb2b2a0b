package io.newswire.console.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class SnippetTest {
  @Test
  void marksStayAndEverythingElseIsEscaped() {
    assertEquals(
        "a &lt; b &amp;&amp; &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; <em>Lavrov</em>",
        html("a < b && <script>alert(\"x\")</script> <em>Lavrov</em>"));
  }

  @Test
  void marksWithAttributesOrOtherCaseAreText() {
    assertEquals(
        "&lt;em onmouseover=x&gt;a&lt;/em &gt; &lt;EM&gt;b",
        html("<em onmouseover=x>a</em > <EM>b"));
  }

  @Test
  void unbalancedMarksAreBalanced() {
    assertEquals("a <em>b</em>", html("a <em>b"));
    assertEquals("a b", html("a </em>b"));
    assertEquals("<em>a b</em> c", html("<em>a <em>b</em> c</em>"));
  }

  @Test
  void anAlertsEscapedSnippetIsEscapedOnceAndItsTextualMarksStayText() {
    assertEquals(
        "a &lt; b &amp;&amp; &lt;em&gt;x&lt;/em&gt; <em>Lavrov</em> &amp;amp; &amp;x",
        Snippet.fromEscaped(
                "a &lt; b &amp;&amp; &lt;em&gt;x&lt;/em&gt; <em>Lavrov</em> &amp;amp; &x")
            .getValue());
    assertEquals(
        "&lt;script&gt;alert(1)&lt;/script&gt; <em>a</em>",
        Snippet.fromEscaped("<script>alert(1)</script> <em>a").getValue());
  }

  @Test
  void noSnippetIsEmpty() {
    assertEquals("", html(null));
  }

  @Test
  void onlyWebAndFileAddressesAreLinks() {
    assertEquals("https://example.org/a", Link.of("https://example.org/a").href());
    assertEquals("file:/000.html", Link.of("file:/000.html").href());
    assertNull(Link.of("javascript:alert(1)").href());
    assertNull(Link.of("JavaScript:alert(1)").href());
    assertNull(Link.of("data:text/html,<script>").href());
    assertNull(Link.of("not a url").href());
    assertEquals("javascript:alert(1)", Link.of("javascript:alert(1)").text());
  }

  private static String html(String snippet) {
    return Snippet.html(snippet).getValue();
  }
}
