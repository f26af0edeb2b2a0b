package io.newswire.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;

/** A Markdown report, echoed to standard output and written to {@code target/bench/NAME.md}. */
final class Report {
  private final StringBuilder text = new StringBuilder();

  Report(String title) {
    line("# " + title);
    line("");
    line(
        String.format(
            Locale.ROOT,
            "- machine: %d cores available to the JVM, %s %s, Java %s, %s",
            Runtime.getRuntime().availableProcessors(),
            System.getProperty("os.name"),
            System.getProperty("os.arch"),
            System.getProperty("java.version"),
            Instant.now()));
    line(
        "- benchmark JVM flags: "
            + String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()));
    line(
        String.format(
            Locale.ROOT,
            "- system load average when the report was written: %.2f (above the core count"
                + " means other processes competed for the CPU; compare ratios, not absolute figures)",
            ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
  }

  Report line(String s) {
    text.append(s).append('\n');
    System.out.println(s);
    return this;
  }

  Report format(String pattern, Object... args) {
    return line(String.format(Locale.ROOT, pattern, args));
  }

  Path write(Path dir, String name) throws IOException {
    Files.createDirectories(dir);
    Path file = dir.resolve(name + ".md");
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }
}
