package io.newswire.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The client's resolver is the guard: the addresses a connection may use are the ones checked in
 * the same look-up (no second, unchecked resolution for a rebinding DNS answer to slip into). A
 * rebinding answer itself is not simulated here: that needs a DNS server under the test's control.
 */
class PinnedDnsTest {

  @Test
  void theResolverRefusesWhatTheGuardRefusesWithTheGuardsReason() {
    PinnedDns dns =
        new PinnedDns(
            new AddressGuard(
                PrivateAddressPolicy.REFUSE, List.of(), "newswire.fetcher.allow-private"));
    PinnedDns.Refused e =
        assertThrows(PinnedDns.Refused.class, () -> dns.resolve("169.254.169.254"));
    assertEquals(AddressRefused.Kind.BLOCKED, e.refusal().kind());
    assertTrue(
        e.refusal().getMessage().contains("newswire.fetcher.allow-private"),
        e.refusal().getMessage());
  }

  @Test
  void theResolverReturnsExactlyTheCheckedAddresses() throws Exception {
    PinnedDns dns =
        new PinnedDns(
            new AddressGuard(
                PrivateAddressPolicy.REFUSE,
                List.of("127.0.0.0/8"),
                "newswire.fetcher.allow-private"));
    assertArrayEquals(
        new InetAddress[] {InetAddress.getByName("127.0.0.7")}, dns.resolve("127.0.0.7"));
  }
}
