package dev.stria.prometheus;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * Decides, per scrape, which metrics may write their samples: a metric whose sample names (for
 * example {@code jobs_total}) an earlier metric of the scrape already writes is refused, because
 * Prometheus rejects a scrape that repeats a name.
 *
 * <p>The answer only changes when the registry's instruments change, so a scrape that presents the
 * same namings in the same order as the previous, fully accepted one is accepted without building
 * the set of names: {@link MetricNaming} hands out one {@code Naming} object per instrument, so
 * comparing by identity is exact. On the first difference the set is rebuilt from the agreeing
 * prefix and the scrape continues with it. Not thread-safe: one scrape at a time.
 */
final class SampleNameClaims {
  private MetricNaming.Naming[] previous = new MetricNaming.Naming[0];
  private int previousCount; // the previous scrape's namings, all accepted; 0 after a refusal
  private MetricNaming.Naming[] current = new MetricNaming.Naming[16];
  private int count;
  private boolean refused;
  private Set<String> taken; // null while the scrape agrees with the previous one
  private String[] reserved = {};

  /** Starts a scrape; {@code reserved} names (such as {@code target_info}) are taken already. */
  void begin(String... reserved) {
    count = 0;
    refused = false;
    taken = null;
    this.reserved = reserved;
  }

  /** Whether {@code naming} may write its samples in this scrape; if so its names are claimed. */
  boolean claim(MetricNaming.Naming naming) {
    if (taken == null) {
      if (count < previousCount && previous[count] == naming) {
        append(naming);
        return true;
      }
      taken = new HashSet<>(Arrays.asList(reserved));
      for (int i = 0; i < count; i++) {
        taken.addAll(current[i].sampleNames());
      }
    }
    for (String name : naming.sampleNames()) {
      if (taken.contains(name)) {
        refused = true;
        return false;
      }
    }
    taken.addAll(naming.sampleNames());
    append(naming);
    return true;
  }

  /** Ends a scrape, remembering its namings if every one was accepted. */
  void end() {
    MetricNaming.Naming[] swap = previous;
    previous = current;
    previousCount = refused ? 0 : count;
    current = swap.length >= previous.length ? swap : new MetricNaming.Naming[previous.length];
    Arrays.fill(current, null);
  }

  private void append(MetricNaming.Naming naming) {
    if (count == current.length) {
      current = Arrays.copyOf(current, count * 2);
    }
    current[count++] = naming;
  }
}
