package io.newswire.console.alerts;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the alerts page shows: the recent alerts newest first, each with its copies under it, and
 * {@code last}, the sequence the live feed goes on from. {@code error} is why the alerter could not
 * list them (empty if none).
 */
public record AlertsView(List<AlertView> alerts, long last, String error) {

  public static AlertsView failed(String error) {
    return new AlertsView(List.of(), 0, error);
  }

  /**
   * {@code entries} oldest first, as the alerter lists them. A copy whose alert is no longer among
   * the recent ones is shown as an alert of its own, so it is not lost.
   */
  public static AlertsView of(List<Entry> entries) {
    Map<String, AlertView> alerts = new LinkedHashMap<>();
    long last = 0;
    for (Entry entry : entries) {
      last = Math.max(last, entry.sequence());
      Entry.Alert alert = entry.alert();
      AlertView original = alert.copyOf() == null ? null : alerts.get(alert.copyOf());
      if (original != null) {
        original.copies().add(AlertView.CopyView.of(alert));
      } else {
        alerts.putIfAbsent(alert.alertId(), AlertView.of(alert));
      }
    }
    List<AlertView> newestFirst = new ArrayList<>(alerts.values());
    Collections.reverse(newestFirst);
    return new AlertsView(newestFirst, last, "");
  }
}
