package io.newswire.bench;

import io.newswire.model.CleanArticle;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Per article, the rules one side matched and the other did not. */
public final class Agreement {
  /** One article where the two sides disagree. */
  public record Difference(
      String articleId, String title, Set<String> onlyMonitor, Set<String> onlyPercolator) {}

  private final List<Difference> differences = new ArrayList<>();
  private long agreedMatches;
  private int articles;

  public void compare(CleanArticle article, Set<String> monitor, Set<String> percolator) {
    articles++;
    Set<String> onlyMonitor = new TreeSet<>(monitor);
    onlyMonitor.removeAll(percolator);
    Set<String> onlyPercolator = new TreeSet<>(percolator);
    onlyPercolator.removeAll(monitor);
    agreedMatches += monitor.size() - onlyMonitor.size();
    if (!onlyMonitor.isEmpty() || !onlyPercolator.isEmpty()) {
      differences.add(new Difference(article.id(), article.title(), onlyMonitor, onlyPercolator));
    }
  }

  public List<Difference> differences() {
    return differences;
  }

  public int articles() {
    return articles;
  }

  /** (rule, article) pairs both sides matched. */
  public long agreedMatches() {
    return agreedMatches;
  }

  public long onlyMonitor() {
    return differences.stream().mapToLong(d -> d.onlyMonitor().size()).sum();
  }

  public long onlyPercolator() {
    return differences.stream().mapToLong(d -> d.onlyPercolator().size()).sum();
  }
}
