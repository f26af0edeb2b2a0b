package io.newswire.extract.story;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newswire.extract.Extractor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TextFingerprintTest {

  private static final String[] SEEDS = {
    "000_fd365139ecb07d38.txt",
    "001_d0c8aea6b99f999c.txt",
    "002_d2404225d53646e3.txt",
    "003_6140f8882c5450fe.txt",
    "004_39f97dcc2323362a.txt"
  };

  private static String seed(String name) throws IOException {
    try (InputStream in = TextFingerprintTest.class.getResourceAsStream("/seeds/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static String cleaned(String name) throws IOException {
    return new Extractor().extract(seed(name), "text/plain", null).text();
  }

  @Test
  void theSameReportInOtherFurnitureIsACopy() throws IOException {
    String report = cleaned(SEEDS[0]);
    TextFingerprint original = TextFingerprint.of(report);
    TextFingerprint elsewhere =
        TextFingerprint.of(
            "Home | World | Sport\nSubscribe to our newsletter\n\n"
                + report
                + "\n\nRelated: other stories from our partners\n© 2021 Another Site. All rights reserved.");
    assertEquals(1.0, original.similarity(TextFingerprint.of(report)));
    assertTrue(
        original.containment(elsewhere) > 0.9, "containment " + original.containment(elsewhere));
  }

  @Test
  void aCopyCutShortIsContainedInTheOriginal() throws IOException {
    String report = cleaned(SEEDS[4]);
    TextFingerprint original = TextFingerprint.of(report);
    TextFingerprint firstHalf = TextFingerprint.of(report.substring(0, report.length() / 2));
    assertTrue(
        original.similarity(firstHalf) < 0.7,
        "Jaccard alone would miss it: " + original.similarity(firstHalf));
    assertTrue(
        original.containment(firstHalf) > 0.85, "containment " + original.containment(firstHalf));
  }

  @Test
  void differentReportsOnOneSubjectAreNotCopies() throws IOException {
    String[] seeds = SEEDS;
    for (int i = 0; i < seeds.length; i++) {
      for (int j = i + 1; j < seeds.length; j++) {
        double c =
            TextFingerprint.of(cleaned(seeds[i]))
                .containment(TextFingerprint.of(cleaned(seeds[j])));
        assertTrue(c < 0.2, seeds[i] + " and " + seeds[j] + " share " + c);
      }
    }
  }

  @Test
  void aTextOfAFewWordsHasNoFingerprint() {
    assertNull(TextFingerprint.of("Breaking: more to follow."));
  }

  @Test
  void aStoredSignatureComesBackTheSame() throws IOException {
    TextFingerprint original = TextFingerprint.of(cleaned(SEEDS[1]));
    TextFingerprint stored = TextFingerprint.of(original.minima(), original.shingles());
    assertEquals(1.0, original.similarity(stored));
  }
}
