package io.newswire.embedded.child;

import picocli.CommandLine;

/** The command line of a child JVM's main, parsed by picocli like every Newswire command. */
public final class CommandLines {
  private CommandLines() {}

  /**
   * Fills the {@code @Option} fields of {@code spec} (a {@code @Command}) from {@code argv}. {@code
   * --help} prints the usage and exits 0.
   *
   * @throws IllegalArgumentException for a wrong or missing argument, saying which, with the usage
   */
  public static <T> T parse(T spec, String[] argv) {
    CommandLine cli = new CommandLine(spec);
    try {
      cli.parseArgs(argv);
    } catch (CommandLine.ParameterException e) {
      throw new IllegalArgumentException(
          e.getMessage() + System.lineSeparator() + cli.getUsageMessage());
    }
    if (cli.isUsageHelpRequested()) {
      cli.usage(System.out);
      System.exit(0);
    }
    return spec;
  }
}
