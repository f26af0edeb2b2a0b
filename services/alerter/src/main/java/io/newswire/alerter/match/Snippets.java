package io.newswire.alerter.match;

import io.newswire.model.NameKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;

/** The terms of a rule found in an article, and a passage around the first one, highlighted. */
public final class Snippets {
  /** Characters of context on each side of the first matched term. */
  static final int CONTEXT = 90;

  /** A highlighted passage and the article's words that made the rule match. */
  public record Highlight(List<String> matchedTerms, String snippet) {}

  private record Token(String term, int start, int end) {}

  private final Analyzer analyzer;

  public Snippets(Analyzer analyzer) {
    this.analyzer = analyzer;
  }

  public Highlight highlight(Query query, String title, String text) {
    Set<Term> terms = new HashSet<>();
    // the term collector skips NOT clauses: those are not why a rule matched
    query.visit(QueryVisitor.termCollector(terms));
    Set<String> wanted = new HashSet<>();
    terms.forEach(t -> wanted.add(t.text()));
    String body = text == null ? "" : text;
    List<Token> tokens = tokens(body);
    Set<String> found = new LinkedHashSet<>();
    Token first = null;
    for (Token token : tokens) {
      if (wanted(wanted, token, body)) {
        found.add(token.term());
        if (first == null) {
          first = token;
        }
      }
    }
    if (title != null) {
      for (Token token : tokens(title)) {
        if (wanted(wanted, token, title)) {
          found.add(token.term());
        }
      }
    }
    if (first == null) {
      String head = body.length() > 2 * CONTEXT ? body.substring(0, 2 * CONTEXT) + "…" : body;
      return new Highlight(List.copyOf(found), escape(head));
    }
    int from = Math.max(0, first.start() - CONTEXT);
    int to = Math.min(body.length(), first.end() + CONTEXT);
    StringBuilder snippet = new StringBuilder();
    if (from > 0) {
      snippet.append('…');
    }
    int at = from;
    for (Token token : tokens) {
      if (token.start() < from || token.end() > to || !wanted(wanted, token, body)) {
        continue;
      }
      snippet
          .append(escape(body.substring(at, token.start())))
          .append("<em>")
          .append(escape(body.substring(token.start(), token.end())))
          .append("</em>");
      at = token.end();
    }
    snippet.append(escape(body.substring(at, to)));
    if (to < body.length()) {
      snippet.append('…');
    }
    return new Highlight(List.copyOf(found), snippet.toString().replace('\n', ' '));
  }

  /**
   * A token the rule asks for: as analysed, or by the key of its spelling when the rule widened a
   * name.
   */
  private static boolean wanted(Set<String> wanted, Token token, String text) {
    if (wanted.contains(token.term())) {
      return true;
    }
    for (String key : NameKeys.keysOf(text.substring(token.start(), token.end()), null)) {
      if (wanted.contains(key)) {
        return true;
      }
    }
    return false;
  }

  private List<Token> tokens(String text) {
    List<Token> out = new ArrayList<>();
    try (TokenStream stream = analyzer.tokenStream("text", text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        out.add(new Token(term.toString(), offset.startOffset(), offset.endOffset()));
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
