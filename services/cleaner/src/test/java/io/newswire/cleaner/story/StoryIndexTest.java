package io.newswire.cleaner.story;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.newswire.extract.story.TextFingerprint;
import io.newswire.model.DocumentIds;
import io.newswire.model.Json;
import io.newswire.model.StoryFingerprint;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, "each story once": which cleaned articles the cleaner takes for copies of earlier ones.
 */
class StoryIndexTest {
  /**
   * Seed reports 000, 003 and 004: Belarus and Nagorno-Karabakh, by different authors; related, not
   * copies.
   */
  private static final String REPORT = fixture("000_fd365139ecb07d38");

  private static final String OTHER_REPORT = fixture("004_39f97dcc2323362a");
  private static final String THIRD_REPORT = fixture("003_6140f8882c5450fe");

  private final MovingClock clock = new MovingClock();
  private final StoryIndex index = new StoryIndex(0.7, 100, Duration.ofDays(7), clock);

  @Test
  void theSameReportInAnotherSitesFurnitureJoinsTheFirstOnesStory() {
    place(index, "a", REPORT);
    StoryFingerprint copy =
        place(
            index,
            "b",
            "Home | World | Europe. Share this article. "
                + REPORT
                + " Subscribe to our newsletter for more.");
    assertEquals("a", copy.storyId());
    assertEquals("a", copy.duplicateOf());
  }

  @Test
  void aCopyCutToItsFirstHalfIsACopyAndACopyOfTheCopyJoinsTheFirstStory() {
    place(index, "a", REPORT);
    StoryFingerprint half = place(index, "b", REPORT.substring(0, REPORT.length() / 2));
    assertEquals("a", half.storyId());
    StoryFingerprint again = place(index, "c", "Reposted: " + REPORT);
    assertEquals("a", again.storyId());
  }

  @Test
  void differentReportsOnOneSubjectAreStoriesOfTheirOwn() {
    place(index, "a", REPORT);
    StoryFingerprint other = place(index, "b", OTHER_REPORT);
    assertEquals("b", other.storyId());
    assertNull(other.duplicateOf());
    assertEquals("c", place(index, "c", THIRD_REPORT).storyId());
  }

  @Test
  void aShortTextIsACopyOnlyWhenItIsTheSameText() {
    String notice = "Embassy closed on Monday.";
    assertNull(TextFingerprint.of(notice), "too short to fingerprint");
    place(index, "a", notice);
    assertEquals("a", place(index, "b", notice).duplicateOf());
    StoryFingerprint different = place(index, "c", "Embassy closed on Tuesday.");
    assertEquals("c", different.storyId());
    assertNull(different.duplicateOf());
  }

  @Test
  void aReCleanedArticleKeepsItsStoryAndNeverCopiesItself() {
    place(index, "a", REPORT);
    StoryFingerprint again = place(index, "a", REPORT);
    assertEquals("a", again.storyId());
    assertNull(again.duplicateOf());
    place(index, "b", "Copied: " + REPORT);
    StoryFingerprint copyAgain = place(index, "b", "Copied: " + REPORT);
    assertEquals("a", copyAgain.duplicateOf());
    assertEquals(2, index.size());
  }

  @Test
  void pastTheCapacityTheOldestIsForgotten() {
    StoryIndex small = new StoryIndex(0.7, 2, Duration.ofDays(7), clock);
    place(small, "a", REPORT);
    place(small, "b", OTHER_REPORT);
    place(small, "c", THIRD_REPORT);
    assertEquals("a2", place(small, "a2", "Copied: " + REPORT).storyId(), "a was the oldest");
    assertEquals("c", place(small, "c2", "Copied: " + THIRD_REPORT).storyId(), "c is still held");
  }

  @Test
  void articlesOlderThanTheWindowAreForgotten() {
    place(index, "a", REPORT);
    clock.advance(Duration.ofDays(6));
    assertEquals("a", place(index, "b", "Copied: " + REPORT).storyId());
    clock.advance(Duration.ofDays(2));
    place(index, "c", THIRD_REPORT);
    StoryFingerprint late = place(index, "d", "Again: " + REPORT);
    assertEquals("b", late.duplicateOf(), "a is 8 days old, b 2 days");
    assertEquals("a", late.storyId());
    clock.advance(Duration.ofDays(8));
    assertEquals("e", place(index, "e", REPORT).storyId());
  }

  /** A restarted cleaner, or another instance, reads the records back from newswire.stories. */
  @Test
  void anIndexRestoredFromThePublishedRecordsFindsTheSameCopies() {
    List<byte[]> published = new ArrayList<>();
    published.add(Json.write(place(index, "a", REPORT)));
    published.add(Json.write(place(index, "s", "Embassy closed on Monday.")));
    clock.advance(Duration.ofDays(1));
    StoryIndex restarted = new StoryIndex(0.7, 100, Duration.ofDays(7), clock);
    for (byte[] value : published) {
      restarted.restore(Json.read(value, StoryFingerprint.class));
    }
    assertEquals(2, restarted.size());
    assertEquals("a", place(restarted, "b", "Copied: " + REPORT).duplicateOf());
    assertEquals("s", place(restarted, "t", "Embassy closed on Monday.").duplicateOf());
    assertEquals("c", place(restarted, "c", OTHER_REPORT).storyId());

    clock.advance(Duration.ofDays(7));
    StoryIndex late = new StoryIndex(0.7, 100, Duration.ofDays(7), clock);
    late.restore(Json.read(published.get(0), StoryFingerprint.class));
    assertEquals(0, late.size(), "older than the window");
  }

  private static StoryFingerprint place(StoryIndex index, String id, String text) {
    return index.place(id, DocumentIds.hash(text), TextFingerprint.of(text));
  }

  private static String fixture(String name) {
    try (InputStream in = StoryIndexTest.class.getResourceAsStream("/stories/" + name + ".txt")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static final class MovingClock extends Clock {
    private Instant now = Instant.parse("2024-03-01T10:00:00Z");

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }
}
