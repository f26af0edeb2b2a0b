package io.newswire.extract.story;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * A MinHash signature of an article's text (issue 13, "each story once"): the minimum, under each
 * of {@value #HASHES} hash functions, of the hashes of its word shingles ({@value #SHINGLE} words
 * in a row, lower case, letters and digits only). Two signatures agree in a share of their
 * positions that estimates the Jaccard overlap of the two texts' shingle sets (±0.045 at one
 * standard deviation for 128 hashes), so the same report inside two sites' furniture, or cut short
 * by a syndicating site, stays close while different reports on one event share few five-word runs.
 * Linear in the text; no pattern is run on it.
 */
public final class TextFingerprint {

  public static final int HASHES = 128;
  static final int SHINGLE = 5;

  /**
   * Texts with fewer words than a few shingles are not fingerprinted: any two would look alike or
   * apart by chance.
   */
  static final int MIN_WORDS = 20;

  private static final long[] SEEDS = new long[HASHES];

  static {
    long x = 0x9E3779B97F4A7C15L;
    for (int i = 0; i < HASHES; i++) {
      x += 0x9E3779B97F4A7C15L;
      SEEDS[i] = mix(x);
    }
  }

  private final long[] minima;

  /**
   * How many shingles the text has: with the overlap, how much of the shorter text the longer one
   * holds.
   */
  private final int shingles;

  private TextFingerprint(long[] minima, int shingles) {
    this.minima = minima;
    this.shingles = shingles;
  }

  /** The fingerprint of {@code text}, or null when it has too few words to tell copies apart. */
  public static TextFingerprint of(String text) {
    long[] words = wordHashes(text);
    if (words.length < MIN_WORDS) {
      return null;
    }
    long[] minima = new long[HASHES];
    Arrays.fill(minima, Long.MAX_VALUE);
    for (int i = 0; i + SHINGLE <= words.length; i++) {
      long shingle = 0;
      for (int j = 0; j < SHINGLE; j++) {
        shingle = shingle * 31 + words[i + j];
      }
      shingle = mix(shingle);
      for (int h = 0; h < HASHES; h++) {
        long v = mix(shingle ^ SEEDS[h]);
        if (v < minima[h]) {
          minima[h] = v;
        }
      }
    }
    return new TextFingerprint(minima, words.length - SHINGLE + 1);
  }

  /**
   * The estimated share of the shorter text's shingles that the longer one holds too, 0 to 1: a
   * syndicated copy cut to its first half is wholly contained in the original (containment 1)
   * though it shares only half of the original's shingles (Jaccard 0.5). From the Jaccard estimate
   * J and the sizes a and b: |A ∩ B| = J (a + b) / (1 + J).
   */
  public double containment(TextFingerprint other) {
    double j = similarity(other);
    double common = j * (shingles + other.shingles) / (1 + j);
    return Math.min(1, common / Math.min(shingles, other.shingles));
  }

  public int shingles() {
    return shingles;
  }

  /** The estimated share of shingles two texts have in common (Jaccard), 0 to 1. */
  public double similarity(TextFingerprint other) {
    int same = 0;
    for (int h = 0; h < HASHES; h++) {
      if (minima[h] == other.minima[h]) {
        same++;
      }
    }
    return (double) same / HASHES;
  }

  /** The signature as it is stored: {@value #HASHES} longs. */
  public long[] minima() {
    return minima.clone();
  }

  public static TextFingerprint of(long[] minima, int shingles) {
    if (minima.length != HASHES) {
      throw new IllegalArgumentException(
          "a fingerprint has " + HASHES + " values, not " + minima.length);
    }
    return new TextFingerprint(minima.clone(), shingles);
  }

  /** One hash per word: letters and digits, lower-cased; everything else separates words. */
  private static long[] wordHashes(String text) {
    long[] out = new long[64];
    int n = 0;
    StringBuilder word = new StringBuilder();
    for (int i = 0, len = text.length(); i <= len; i++) {
      char c = i < len ? text.charAt(i) : ' ';
      if (Character.isLetterOrDigit(c)) {
        word.append(c);
      } else if (word.length() > 0) {
        if (n == out.length) {
          out = Arrays.copyOf(out, n * 2);
        }
        out[n++] = hash(word.toString().toLowerCase(Locale.ROOT));
        word.setLength(0);
      }
    }
    return Arrays.copyOf(out, n);
  }

  private static long hash(String word) {
    long h = 0xCBF29CE484222325L;
    for (byte b : word.getBytes(StandardCharsets.UTF_8)) {
      h = (h ^ (b & 0xff)) * 0x100000001B3L;
    }
    return h;
  }

  /** SplitMix64's finaliser: a cheap, well-spread 64-bit mix. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
