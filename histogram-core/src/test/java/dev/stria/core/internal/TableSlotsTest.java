package dev.stria.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/**
 * Which table slot a thread owns ({@link LongStripes#stripeOf}): its home slot, else the slot after
 * it, else it shares the home slot's stripe; and how many slots a table has ({@link
 * ThreadStripe#tableSlots}).
 */
class TableSlotsTest {
  private static final long LIMIT = LongStripes.SPILL_RECORDS_BEFORE_INFLATING;
  /** The id the writers below report, so that they hash to one home slot. */
  private static final long SAME_ID = 7;

  /** A thread that reports a chosen id whatever the JVM gave it; ownership ignores ids. */
  private static final class FixedIdThread extends Thread {
    private final long id;

    FixedIdThread(long id, Runnable task) {
      super(task);
      this.id = id;
    }

    @Override
    @SuppressWarnings("deprecation")
    public long getId() {
      return id;
    }
  }

  @Test
  void aThreadWhoseHomeSlotIsTakenOwnsTheSlotAfterItAndAThirdShares() throws Exception {
    StripedCounter counter = new StripedCounter();
    counter.add(1L); // this thread owns the compact stripe, so the writers start in the spill
    Thread[] writers = new Thread[3];
    for (int w = 0; w < writers.length; w++) {
      // One after another, so the claims come in this order: home, the slot after, shared.
      writers[w] = new FixedIdThread(SAME_ID, () -> {
        for (long i = 0; i < 2 * LIMIT; i++) { // past the spill's limit: the cell inflates
          counter.add(1L);
        }
      });
      writers[w].start();
      writers[w].join();
    }

    LongStripes.Table table = counter.table();
    int home = table.home(writers[0]);
    int next = table.next(home);
    assertThat(table.owners[home]).isSameAs(writers[0]);
    assertThat(table.owners[next]).as("the slot after a taken home").isSameAs(writers[1]);
    assertThat(LongStripes.sharedStripe(table, home)).as("the third writer's stripe").isNotNull();
    assertThat(LongStripes.sharedStripe(table, next)).isNull();
    assertThat(counter.drain().longPart()).isEqualTo(1 + 3 * 2 * LIMIT);

    // All three have ended and the drain retired their stripes: a new thread of the same id
    // owns the home slot again.
    Thread successor = new FixedIdThread(SAME_ID, () -> counter.add(1L));
    successor.start();
    successor.join();
    assertThat(table.owners[home]).isSameAs(successor);
    assertThat(counter.drain().longPart()).isEqualTo(1);
  }

  @Test
  void theOwnerOfTheSlotAfterItsHomeFindsItAgainAfterTheHomeOwnerIsRetired() throws Exception {
    ExplicitBucketHistogram histogram = new ExplicitBucketHistogram(new BucketBounds(1, 2));
    histogram.record(0.5); // this thread owns the compact stripe
    Thread first = new FixedIdThread(SAME_ID, () -> {
      for (long i = 0; i < 2 * LIMIT; i++) { // inflates, then owns the home slot
        histogram.record(1.5);
      }
    });
    first.start();
    first.join();
    LongStripes.Table table = histogram.table();
    int home = table.home(first);
    // A writer elsewhere in the table takes the second remembered pair, so that the writer under
    // test finds its stripe through the table, not through a remembered pair.
    Thread elsewhere = new FixedIdThread(idOutside(table, home), () -> histogram.record(0.5));
    elsewhere.start();
    elsewhere.join();
    CountDownLatch claimed = new CountDownLatch(1);
    CountDownLatch retired = new CountDownLatch(1);
    Thread second = new FixedIdThread(SAME_ID, () -> {
      histogram.record(2.5); // the home slot is the first writer's: claims the slot after
      claimed.countDown();
      TestThreads.await(retired);
      histogram.record(2.5); // the home slot is empty now, but its stripe is the slot after
    });
    second.start();
    claimed.await();
    assertThat(histogram.rememberedOwners()).containsExactlyInAnyOrder(first, elsewhere);
    assertThat(histogram.drain().count()).isEqualTo(2 * LIMIT + 3); // and retires two stripes
    assertThat(table.owners[home]).isNull();
    retired.countDown();
    second.join();

    assertThat(table.owners[home]).as("the second writer took no second stripe").isNull();
    assertThat(table.owners[table.next(home)]).isSameAs(second);
    assertThat(histogram.drain().bucketCounts()).containsExactly(0L, 0L, 1L);
  }

  /** An id whose home slot is neither {@code home} nor the slot after it. */
  private static long idOutside(LongStripes.Table table, int home) {
    for (long id = 1; ; id++) {
      int slot = ThreadStripe.hash(id) >>> table.shift;
      if (slot != home && slot != table.next(home)) {
        return id;
      }
    }
  }

  @Test
  void consecutiveThreadIdsAsManyAsTwiceTheProcessorsHashToDifferentSlots() {
    // A pool as busy as twice the processors (JMH's four workers on 2 cores) must not share a
    // slot: with twice the processors as slots, four consecutive ids shared one for 53% of
    // first ids.
    for (int processors : new int[] {1, 2, 4, 8, 16}) {
      int slots = ThreadStripe.tableSlots(processors);
      int shift = 32 - Integer.numberOfTrailingZeros(slots);
      for (long first = 1; first < 20_000; first++) {
        Set<Integer> taken = new HashSet<>();
        for (long id = first; id < first + 2L * processors; id++) {
          taken.add(ThreadStripe.hash(id) >>> shift);
        }
        assertThat(taken).as("%d processors, %d slots, ids from %d", processors, slots, first)
            .hasSize(2 * processors);
      }
    }
  }
}
