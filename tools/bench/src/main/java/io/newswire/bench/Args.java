package io.newswire.bench;

import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * A benchmark's command line, parsed by picocli as every command of Newswire is: {@code options}
 * declares them with {@code @Option} fields and their defaults; {@code --help} prints them, and a
 * wrong one exits 2 saying what is wrong.
 */
public final class Args {
  private Args() {}

  /** Parses {@code argv} into {@code options} and returns it; exits on --help or a wrong option. */
  public static <T> T parse(T options, String[] argv) {
    CommandLine line = new CommandLine(options);
    try {
      line.parseArgs(argv);
    } catch (CommandLine.ParameterException e) {
      System.err.println(e.getMessage());
      line.usage(new PrintWriter(System.err, true));
      System.exit(2);
    }
    if (line.isUsageHelpRequested()) {
      line.usage(System.out);
      System.exit(0);
    }
    return options;
  }
}
