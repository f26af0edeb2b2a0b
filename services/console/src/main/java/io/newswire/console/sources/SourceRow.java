package io.newswire.console.sources;

import io.newswire.console.search.HitView;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * One source as the sources page shows it: {@code where} is its address or, for a folder, its path;
 * the times are in UTC, {@code lastSuccess} "never" when it has not got through, {@code lastError}
 * empty when it has not failed.
 */
public record SourceRow(
    String name,
    String type,
    String where,
    String origin,
    String shard,
    boolean polledHere,
    long items,
    long errors,
    String lastSuccess,
    String lastError,
    String lastErrorReason,
    boolean failing) {

  /**
   * Where the source's remove button posts; a name may be any text the API was given, so it is
   * encoded.
   */
  public String deletePath() {
    return "/sources/"
        + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20")
        + "/delete";
  }

  public static SourceRow of(Source source) {
    String where = source.url() != null ? source.url() : source.path() == null ? "" : source.path();
    String success = source.lastSuccess() == null ? "never" : shown(source.lastSuccess());
    return new SourceRow(
        source.name(),
        source.type(),
        where,
        source.origin(),
        source.shard(),
        source.polledHere(),
        source.itemsEmitted(),
        source.errors(),
        success,
        shown(source.lastError()),
        source.lastErrorReason() == null ? "" : source.lastErrorReason(),
        source.failing());
  }

  private static String shown(Instant time) {
    return time == null ? "" : HitView.date(time.toString());
  }
}
