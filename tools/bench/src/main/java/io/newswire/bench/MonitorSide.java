package io.newswire.bench;

import io.newswire.alerter.match.RuleBook;
import io.newswire.model.CleanArticle;
import io.newswire.model.Rule;
import io.newswire.model.SchemaVersions;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The alerter's {@link RuleBook} loaded with the rules; the ones its parser rejects are kept with
 * the reason.
 */
public final class MonitorSide implements AutoCloseable {
  private final RuleBook book = new RuleBook();
  private final Map<String, String> rejected = new LinkedHashMap<>();

  /**
   * @param variants whether names match their other spellings (rules not marked {@code exact})
   */
  public MonitorSide(List<Rules.Line> rules, boolean variants) {
    Instant now = Instant.now();
    List<Rule> all =
        rules.stream()
            .map(
                line ->
                    new Rule(
                        SchemaVersions.RULE,
                        line.id(),
                        line.query(),
                        line.query(),
                        null,
                        null,
                        now,
                        !variants))
            .toList();
    // as a restarted alerter loads them from the rules topic: in batches
    book.putAll(all).forEach((rule, reason) -> rejected.put(rule.id(), reason));
  }

  public int size() {
    return book.size();
  }

  /** Rule id to the parser's message, in file order. */
  public Map<String, String> rejected() {
    return rejected;
  }

  public Set<String> match(CleanArticle article) {
    Set<String> ids = new TreeSet<>();
    for (RuleBook.Match m : book.match(article)) {
      ids.add(m.rule().id());
    }
    return ids;
  }

  @Override
  public void close() throws IOException {
    book.close();
  }
}
