package dev.stria.core.internal;

import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Where a shared exponential stripe keeps a bucket's count ({@link ExponentialStripe}): the chunk
 * size and the extent of the near and far chunk tables at one recording scale. The same for every
 * cell of that scale, so cells share one instance instead of carrying seven ints each.
 */
final class ChunkLayout {
  private static final AtomicReferenceArray<ChunkLayout> CACHE = new AtomicReferenceArray<>(
      ExponentialHistogram.MAX_RECORDING_SCALE - ExponentialIndexer.MIN_SCALE + 1);

  /** The bucket index of the smallest positive double. */
  final int minIndex;
  /** A chunk is {@code 2^chunkBits} buckets. */
  final int chunkBits;
  final int bucketMask;
  /** Chunks over the whole double range: the length of a far table. */
  final int chunkCount;
  /**
   * The chunk number of a near table's first slot, and its length: see {@link
   * ExponentialHistogram#NEAR_OCTAVES}.
   */
  final int nearFirstChunk;
  final int nearChunkCount;
  /** The bucket index at the start of a near table's first chunk. */
  final int nearBase;

  private ChunkLayout(ExponentialIndexer indexer) {
    this.minIndex = indexer.index(Double.MIN_VALUE);
    int span = indexer.index(Double.MAX_VALUE) - minIndex + 1;
    // A chunk is at least 128 buckets and at least 4 octaves, so a table has at most ~525 slots.
    this.chunkBits = Math.max(7, indexer.scale() + 2);
    this.bucketMask = (1 << chunkBits) - 1;
    this.chunkCount = (span + (1 << chunkBits) - 1) >>> chunkBits;
    int near = ExponentialHistogram.NEAR_OCTAVES;
    this.nearFirstChunk = (indexer.index(Math.scalb(1.0, -near)) - minIndex) >>> chunkBits;
    int nearLastChunk = (indexer.index(Math.scalb(1.0, near)) - minIndex) >>> chunkBits;
    this.nearChunkCount = nearLastChunk - nearFirstChunk + 1;
    this.nearBase = minIndex + (nearFirstChunk << chunkBits);
  }

  /** The layout of {@code indexer}'s scale, one of the recording scales. */
  static ChunkLayout of(ExponentialIndexer indexer) {
    int slot = indexer.scale() - ExponentialIndexer.MIN_SCALE;
    ChunkLayout cached = CACHE.get(slot);
    if (cached != null) {
      return cached;
    }
    ChunkLayout fresh = new ChunkLayout(indexer);
    ChunkLayout witness = CACHE.compareAndExchange(slot, null, fresh);
    return witness == null ? fresh : witness;
  }
}
