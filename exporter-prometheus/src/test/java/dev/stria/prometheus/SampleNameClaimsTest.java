package dev.stria.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SampleNameClaimsTest {
  private final SampleNameClaims claims = new SampleNameClaims();

  private static MetricNaming.Naming naming(String... sampleNames) {
    return new MetricNaming.Naming(sampleNames[0], List.of(sampleNames), null, null);
  }

  private List<Boolean> scrape(MetricNaming.Naming... namings) {
    claims.begin("target_info");
    List<Boolean> accepted = new ArrayList<>();
    for (MetricNaming.Naming n : namings) {
      accepted.add(claims.claim(n));
    }
    claims.end();
    return accepted;
  }

  private final MetricNaming.Naming jobs = naming("jobs", "jobs_total", "jobs_created");
  private final MetricNaming.Naming up = naming("up");
  private final MetricNaming.Naming jobsTotalGauge = naming("jobs_total");

  @Test
  void steadyScrapesAcceptEveryMetric() {
    for (int i = 0; i < 3; i++) {
      assertThat(scrape(jobs, up)).containsExactly(true, true);
    }
  }

  @Test
  void aMetricThatAppearsLaterAndCollidesIsRefused() {
    scrape(jobs, up);

    assertThat(scrape(jobs, up, jobsTotalGauge)).containsExactly(true, true, false);
    assertThat(scrape(jobs, up, jobsTotalGauge)).containsExactly(true, true, false);
  }

  @Test
  void aMetricInsertedBeforeOthersIsCheckedAgainstThePrefix() {
    scrape(jobs, up);

    assertThat(scrape(jobs, jobsTotalGauge, up)).containsExactly(true, false, true);
  }

  @Test
  void theNameIsFreeOnceTheEarlierMetricIsGone() {
    scrape(jobs, jobsTotalGauge);

    assertThat(scrape(jobsTotalGauge)).containsExactly(true);
  }

  @Test
  void reservedNamesAreRefusedInSteadyScrapesToo() {
    MetricNaming.Naming targetInfo = naming("target_info");

    assertThat(scrape(up, targetInfo)).containsExactly(true, false);
    assertThat(scrape(up, targetInfo)).containsExactly(true, false);
  }
}
