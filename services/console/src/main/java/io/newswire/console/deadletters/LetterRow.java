package io.newswire.console.deadletters;

import io.newswire.console.search.HitView;

/**
 * One dead letter as the page lists it; {@code at} is the instant as sent, {@code date} as shown.
 */
public record LetterRow(
    String at, String date, String key, String origin, String stage, String reason, String size) {
  static LetterRow of(DeadLetterTopic.Letter l) {
    String size = l.bytes() + " bytes" + (l.truncated() ? ", cut from " + l.truncatedFrom() : "");
    return new LetterRow(
        l.at(),
        HitView.date(l.at()),
        l.key() == null ? "(none)" : l.key(),
        l.origin(),
        l.stage(),
        l.reason(),
        size);
  }
}
