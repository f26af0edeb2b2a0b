package io.newswire.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The fixed mix of analyst-style searches the search benchmark times, in the syntax of the search
 * box and of alert rules: single names, boolean combinations, quoted phrases, and every thousandth
 * rule of the alerter benchmark's 10,000. Some find nothing in the corpus, as real searches
 * sometimes do.
 */
final class SearchQueries {
  /** One search and the kind it is, for the per-kind figures. */
  record Query(String kind, String text) {}

  static final List<String> NAMES =
      List.of(
          "Lavrov",
          "Putin",
          "Lukashenko",
          "Trump",
          "Google",
          "Huawei",
          "Brexit",
          "NATO",
          "Facebook",
          "Netflix",
          "Boeing",
          "Merkel");
  static final List<String> BOOLEAN =
      List.of(
          "Russia AND Belarus",
          "Putin AND (Ukraine OR Belarus)",
          "Google OR Apple OR Amazon",
          "Armenia OR Azerbaijan",
          "election AND NOT Trump",
          "(China OR Beijing) AND trade",
          "Apple AND iPhone",
          "police AND (shooting OR arrest)");
  static final List<String> PHRASES =
      List.of(
          "\"prime minister\"",
          "\"European Union\"",
          "\"White House\"",
          "\"Nagorno-Karabakh\"",
          "\"interest rates\"",
          "\"climate change\"");
  private static final int RULE_STEP = 1000;

  private SearchQueries() {}

  /**
   * The names, boolean searches and phrases, then rules 1, 1001, 2001, ... of {@code rulesFile}, if
   * it exists.
   */
  static List<Query> load(Path rulesFile) throws IOException {
    List<Query> out = new ArrayList<>();
    NAMES.forEach(q -> out.add(new Query("name", q)));
    BOOLEAN.forEach(q -> out.add(new Query("boolean", q)));
    PHRASES.forEach(q -> out.add(new Query("phrase", q)));
    if (Files.isRegularFile(rulesFile)) {
      Rules.read(rulesFile, Integer.MAX_VALUE, RULE_STEP)
          .forEach(r -> out.add(new Query("rule", r.query())));
    }
    return out;
  }
}
