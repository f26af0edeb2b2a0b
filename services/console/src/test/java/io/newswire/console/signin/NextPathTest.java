package io.newswire.console.signin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class NextPathTest {
  @Test
  void aPathOnTheConsoleIsFollowed() {
    assertEquals("/?q=Lavrov&page=2", NextPath.safe("/?q=Lavrov&page=2"));
    assertEquals("/", NextPath.safe("/"));
  }

  @Test
  void anythingThatCouldLeaveTheConsoleGoesHome() {
    for (String next :
        new String[] {
          null,
          "",
          "https://evil.example/",
          "//evil.example",
          "/\\evil.example",
          "\\\\evil.example",
          "/\t/evil.example",
          "/\n/evil.example",
          "javascript:alert(1)",
          "evil.example/x",
          "/" + "a".repeat(2000),
          "/%zz bad"
        }) {
      assertEquals("/", NextPath.safe(next), String.valueOf(next));
    }
  }

  @Test
  void theSigninAddressCarriesTheWantedPageEncoded() {
    assertEquals("/signin?next=%2F%3Fq%3DLavrov", NextPath.signinFor("/?q=Lavrov"));
    assertEquals("/signin", NextPath.signinFor("/"));
    assertEquals("/signin", NextPath.signinFor("//evil.example"));
  }
}
