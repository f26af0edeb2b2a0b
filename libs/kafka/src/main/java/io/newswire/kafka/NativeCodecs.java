package io.newswire.kafka;

import net.jpountz.lz4.LZ4Factory;
import net.jpountz.util.Native;
import org.jboss.logging.Logger;

/**
 * Gives Kafka's lz4 codec lz4-java's native code. {@code LZ4Factory.fastestInstance()}, which Kafka
 * asks once, takes the native code only when it is already loaded or when lz4-java sits on the
 * system class loader; in a Quarkus application it sits on the application's own, so every record
 * was compressed and decompressed by the pure-Java code, a tenth of the cleaner's CPU (JFR, {@code
 * ./newswire bench pipeline}). Loading it first, before any client is made, fixes that. Where it
 * cannot load (another class loader of the same JVM has it, an unknown platform) Kafka keeps the
 * Java code, which is correct, only slower.
 */
final class NativeCodecs {
  private static final Logger LOG = Logger.getLogger(NativeCodecs.class);

  private NativeCodecs() {}

  static void load() {
    try {
      Native.load();
    } catch (LinkageError | RuntimeException e) {
      LOG.debugf("lz4 native code not loaded, Kafka's lz4 stays in Java: %s", e);
    }
    LOG.debugf("lz4 for Kafka: %s", LZ4Factory.fastestInstance());
  }
}
