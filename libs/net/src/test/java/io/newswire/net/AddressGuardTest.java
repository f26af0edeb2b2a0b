package io.newswire.net;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class AddressGuardTest {

  static boolean nonPublic(String literal) throws Exception {
    return AddressGuard.isNonPublic(InetAddress.getByName(literal));
  }

  @Test
  void nonPublicRangesAreRecognised() throws Exception {
    for (String a :
        List.of(
            "127.0.0.1",
            "10.1.2.3",
            "172.16.0.1",
            "172.31.255.255",
            "192.168.1.1",
            "169.254.169.254",
            "100.64.0.1",
            "100.127.255.254",
            "0.0.0.0",
            "224.0.0.1",
            "255.255.255.255",
            "::1",
            "::",
            "fc00::1",
            "fd12:3456::1",
            "fe80::1",
            "ff02::1",
            "::ffff:127.0.0.1",
            "::ffff:169.254.169.254",
            "::127.0.0.1",
            "64:ff9b::a00:1",
            "2002:7f00:1::")) {
      assertTrue(nonPublic(a), a);
    }
    for (String a :
        List.of("8.8.8.8", "93.184.216.34", "172.32.0.1", "100.128.0.1", "2606:4700::1111")) {
      assertFalse(nonPublic(a), a);
    }
  }

  @Test
  void allowListOpensRangesAndHosts() throws Exception {
    AddressGuard guard =
        new AddressGuard(
            PrivateAddressPolicy.REFUSE,
            List.of("127.0.0.0/8", "intranet.example"),
            "newswire.fetcher.allow-private");
    guard.check(URI.create("http://127.0.0.1/"));
    assertThrows(AddressRefused.class, () -> guard.check(URI.create("http://[::1]/")));
    assertThrows(AddressRefused.class, () -> guard.check(URI.create("http://10.0.0.1/")));
    // decimal and hex spellings of loopback resolve to 127.0.0.1 and are judged by that address
    AddressGuard strict =
        new AddressGuard(PrivateAddressPolicy.REFUSE, List.of(), "newswire.fetcher.allow-private");
    assertThrows(AddressRefused.class, () -> strict.check(URI.create("http://2130706433/")));
    assertThrows(AddressRefused.class, () -> strict.check(URI.create("http://localhost/")));
  }
}
