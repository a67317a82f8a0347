package dev.stria.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ScrapeMemoTest {
  private final AtomicInteger computed = new AtomicInteger();
  private final ScrapeMemo<Integer, String> memo = ScrapeMemo.byEquality(k -> {
    computed.incrementAndGet();
    return "v" + k;
  });

  @Test
  void steadyKeysAreComputedOnce() {
    for (int scrape = 0; scrape < 5; scrape++) {
      for (int k = 0; k < 100; k++) {
        assertThat(memo.get(k)).isEqualTo("v" + k);
      }
      memo.endScrape();
    }

    assertThat(computed.get()).isEqualTo(100);
  }

  @Test
  void identityMemoComputesAgainForAnEqualButNewKey() {
    ScrapeMemo<String, Integer> byIdentity = ScrapeMemo.byIdentity(k -> computed.incrementAndGet());
    String key = "route";
    byIdentity.get(key);
    byIdentity.get(key);
    byIdentity.get(new String("route"));

    assertThat(computed.get()).isEqualTo(2);
  }

  @Test
  void keysThatDisappearAreForgotten() {
    for (int k = 0; k < 1000; k++) {
      memo.get(k);
    }
    memo.endScrape();
    for (int scrape = 0; scrape < 2; scrape++) {
      for (int k = 0; k < 10; k++) {
        memo.get(k);
      }
      memo.endScrape();
    }

    assertThat(memo.size()).isEqualTo(10);
  }

  @Test
  void memoryStaysBoundedWhenEveryScrapeHasNewKeys() {
    for (int scrape = 0; scrape < 100; scrape++) {
      for (int k = 0; k < 50; k++) {
        memo.get(scrape * 1000 + k);
      }
      memo.endScrape();
    }

    assertThat(memo.size()).isLessThanOrEqualTo(2 * 50 + 16 + 50);
  }
}
