package io.newswire.cleaner.story;

import io.newswire.common.FingerprintTable;
import io.newswire.extract.story.TextFingerprint;
import io.newswire.model.CleanArticle;
import io.newswire.model.SchemaVersions;
import io.newswire.model.StoryFingerprint;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The recent articles' fingerprints, to put each new article in the story of an earlier one it
 * copies (issue 13): the same text ({@code contentHash}), or a text whose fingerprint the earlier
 * one's contains at least {@code threshold} of ({@link TextFingerprint#containment}). Candidates
 * come from a locality-sensitive index of {@value #BANDS} bands of {@value #ROWS} MinHash values
 * each: two texts that agree in any whole band are compared, which finds a pair of Jaccard overlap
 * 0.3 (a copy a third of the original's length) with probability 0.998 and 0.5 (a half) with
 * certainty, while an unrelated article is compared with hardly any.
 *
 * <p>Bounded: the newest {@code capacity} articles (about 3 KB each), none older than {@code
 * window}; the oldest go first. An article id seen before keeps its story, so a re-cleaned article
 * never becomes a copy of itself. Thread-safe: the cleaner places a batch's articles from several
 * threads while its follower restores other instances' records.
 */
public final class StoryIndex {
  static final int ROWS = 2;
  static final int BANDS = TextFingerprint.HASHES / ROWS;

  /** Keeps the band index within {@link FingerprintTable#MAX_CAPACITY}. */
  public static final int MAX_CAPACITY = 4_000_000;

  private record Entry(StoryFingerprint record, TextFingerprint fingerprint) {}

  private final double threshold;
  private final int capacity;
  private final Duration window;
  private final Clock clock;

  /**
   * Articles in the order they were remembered; a replaced one leaves a null until the ring passes
   * it.
   */
  private final Entry[] ring;

  private int oldest;
  private int used;
  private final Map<String, Integer> byId = new HashMap<>();
  private final Map<String, Integer> byHash = new HashMap<>();

  /**
   * Band key to the ring position of the latest article with that band; checked on use, as it may
   * be stale.
   */
  private final FingerprintTable bands;

  public StoryIndex(double threshold, int capacity, Duration window, Clock clock) {
    if (capacity < 1 || capacity > MAX_CAPACITY) {
      throw new IllegalArgumentException(
          "newswire.cleaner.story-capacity must be between 1 and "
              + MAX_CAPACITY
              + ", not "
              + capacity);
    }
    if (!(threshold > 0 && threshold <= 1)) {
      throw new IllegalArgumentException(
          "newswire.cleaner.story-threshold must be above 0 and at most 1, not " + threshold);
    }
    this.threshold = threshold;
    this.capacity = capacity;
    this.window = window;
    this.clock = clock;
    this.ring = new Entry[capacity];
    this.bands = new FingerprintTable(capacity * BANDS);
  }

  /**
   * Places a cleaned article in its story and remembers it: the record to publish on
   * newswire.stories.
   */
  public StoryFingerprint place(CleanArticle article) {
    return place(
        article.id(),
        article.contentHash(),
        TextFingerprint.of(article.text())); // outside the lock
  }

  synchronized StoryFingerprint place(String id, String contentHash, TextFingerprint fingerprint) {
    Instant now = clock.instant();
    expire(now);
    String storyId = id;
    String duplicateOf = null;
    Entry known = live(byId.get(id), now);
    if (known != null) {
      storyId = known.record().storyId();
      duplicateOf = known.record().duplicateOf();
    } else {
      Entry earlier = live(byHash.get(contentHash), now);
      if (earlier == null && fingerprint != null) {
        earlier = mostContaining(fingerprint, now);
      }
      if (earlier != null) {
        storyId = earlier.record().storyId();
        duplicateOf = earlier.record().id();
      }
    }
    StoryFingerprint record =
        new StoryFingerprint(
            SchemaVersions.STORY_FINGERPRINT,
            id,
            storyId,
            duplicateOf,
            contentHash,
            fingerprint == null ? null : Signatures.encode(fingerprint),
            fingerprint == null ? 0 : fingerprint.shingles(),
            now);
    remember(new Entry(record, fingerprint));
    return record;
  }

  /**
   * Remembers a record read from newswire.stories (this instance's own or another's), unless it is
   * older than the window or than what is remembered for its article.
   *
   * @throws IllegalArgumentException when its signature cannot be read
   */
  public synchronized void restore(StoryFingerprint record) {
    Instant now = clock.instant();
    expire(now);
    Entry known = live(byId.get(record.id()), now);
    if (record.at() == null
        || record.at().isBefore(now.minus(window))
        || (known != null && !known.record().at().isBefore(record.at()))) {
      return;
    }
    remember(new Entry(record, Signatures.decode(record.signature(), record.shingles())));
  }

  /** Articles remembered. */
  public synchronized int size() {
    return byId.size();
  }

  private Entry mostContaining(TextFingerprint fingerprint, Instant now) {
    long[] minima = fingerprint.minima();
    Set<Integer> compared = new HashSet<>();
    Entry best = null;
    double bestContainment = threshold;
    for (int band = 0; band < BANDS; band++) {
      int position = (int) bands.get(bandKey(band, minima), -1);
      if (position < 0 || !compared.add(position)) {
        continue;
      }
      Entry candidate = live(position, now);
      if (candidate == null || candidate.fingerprint() == null) {
        continue;
      }
      double containment = fingerprint.containment(candidate.fingerprint());
      if (containment >= bestContainment) {
        best = candidate;
        bestContainment = containment;
      }
    }
    return best;
  }

  private void remember(Entry entry) {
    Integer replaced = byId.get(entry.record().id());
    if (replaced != null) {
      forget(replaced);
    }
    if (used == capacity) {
      forget(oldest);
      oldest = (oldest + 1) % capacity;
      used--;
    }
    int position = (oldest + used) % capacity;
    used++;
    ring[position] = entry;
    byId.put(entry.record().id(), position);
    if (entry.record().contentHash() != null) {
      byHash.put(entry.record().contentHash(), position);
    }
    if (entry.fingerprint() != null) {
      long[] minima = entry.fingerprint().minima();
      for (int band = 0; band < BANDS; band++) {
        bands.put(bandKey(band, minima), position);
      }
    }
  }

  /** Drops the oldest articles while they are older than the window. */
  private void expire(Instant now) {
    Instant limit = now.minus(window);
    while (used > 0 && (ring[oldest] == null || ring[oldest].record().at().isBefore(limit))) {
      forget(oldest);
      oldest = (oldest + 1) % capacity;
      used--;
    }
  }

  private void forget(int position) {
    Entry entry = ring[position];
    if (entry == null) {
      return;
    }
    ring[position] = null;
    byId.remove(entry.record().id(), position);
    if (entry.record().contentHash() != null) {
      byHash.remove(entry.record().contentHash(), position);
    }
  }

  /** The entry at {@code position} if there is one within the window. */
  private Entry live(Integer position, Instant now) {
    if (position == null) {
      return null;
    }
    Entry entry = ring[position];
    return entry == null || entry.record().at().isBefore(now.minus(window)) ? null : entry;
  }

  private static long bandKey(int band, long[] minima) {
    long key = band;
    for (int row = 0; row < ROWS; row++) {
      key = key * 0x9E3779B97F4A7C15L + minima[band * ROWS + row];
    }
    return key;
  }
}
