/**
 * Internal: not API. These classes may change in any release without notice; use {@code
 * dev.stria} and {@code dev.stria.snapshot} instead.
 *
 * <p>The recording cells: striped counters, gauge cells, explicit-bucket and base-2 exponential
 * histograms, and the drained data they hand to collectors.
 *
 * <p>This package knows nothing of names, labels or exporters. Every cell documents which of its
 * operations are wait-free (a bounded number of steps whatever other threads do), which are
 * lock-free (some thread always makes progress; a retry happens only when another thread wrote
 * the same stripe in between), and what a concurrent drain may observe.
 */
package dev.stria.core.internal;
