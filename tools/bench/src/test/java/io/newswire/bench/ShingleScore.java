package io.newswire.bench;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The evaluation's metric, as {@code ../shared/eval/score.py} computes it: 4-token shingles of
 * {@code \w+} tokens (case kept), multiset overlap per document, corpus P and R as means of the
 * per-document values, F1 from those means.
 */
public final class ShingleScore {

  private static final Pattern WORD = Pattern.compile("\\w+", Pattern.UNICODE_CHARACTER_CLASS);
  private static final int N = 4;

  private double precisionSum;
  private int precisionDocs;
  private double recallSum;
  private int recallDocs;

  public void add(String truth, String predicted) {
    Map<List<String>, Integer> t = shingles(truth);
    Map<List<String>, Integer> p = shingles(predicted);
    int tp = 0;
    int nt = 0;
    int np = 0;
    for (Map.Entry<List<String>, Integer> e : t.entrySet()) {
      tp += Math.min(e.getValue(), p.getOrDefault(e.getKey(), 0));
      nt += e.getValue();
    }
    for (int c : p.values()) {
      np += c;
    }
    if (nt == 0 && np == 0) {
      return;
    }
    if (tp == nt && tp == np) {
      precisionSum += 1;
      precisionDocs++;
      recallSum += 1;
      recallDocs++;
      return;
    }
    if (np > 0) {
      precisionSum += (double) tp / np;
      precisionDocs++;
    }
    if (nt > 0) {
      recallSum += (double) tp / nt;
      recallDocs++;
    }
  }

  public double precision() {
    return precisionDocs == 0 ? 0 : precisionSum / precisionDocs;
  }

  public double recall() {
    return recallDocs == 0 ? 0 : recallSum / recallDocs;
  }

  public double f1() {
    double p = precision();
    double r = recall();
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }

  private static Map<List<String>, Integer> shingles(String text) {
    List<String> tokens = new java.util.ArrayList<>();
    if (text != null) {
      Matcher m = WORD.matcher(text);
      while (m.find()) {
        tokens.add(m.group());
      }
    }
    Map<List<String>, Integer> out = new HashMap<>();
    if (tokens.isEmpty()) {
      return out;
    }
    if (tokens.size() < N) {
      out.put(tokens, 1);
      return out;
    }
    for (int i = 0; i + N <= tokens.size(); i++) {
      out.merge(tokens.subList(i, i + N), 1, Integer::sum);
    }
    return out;
  }
}
