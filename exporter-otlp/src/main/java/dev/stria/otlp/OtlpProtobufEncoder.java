package dev.stria.otlp;

import dev.stria.snapshot.InstrumentationScope;
import dev.stria.snapshot.MetricSnapshot;
import dev.stria.snapshot.Resource;
import dev.stria.wire.ProtoWriter;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * Encodes snapshots as an OTLP {@code ExportMetricsServiceRequest} in protobuf, for callers with a
 * transport of their own (and for benchmarks). The encoder keeps and reuses one buffer, so a
 * steady export allocates almost nothing; it is not thread-safe.
 *
 * <pre>{@code
 * OtlpProtobufEncoder encoder = new OtlpProtobufEncoder();
 * ByteBuffer body = encoder.encode(reader.resource(), reader.scope(), reader.collect());
 * channel.write(body);   // valid until the next encode
 * }</pre>
 */
public final class OtlpProtobufEncoder {
  private final ProtoMetricsEncoder encoder = new ProtoMetricsEncoder();
  private ByteBuffer view;
  private byte[] viewArray;

  /** An encoder with an empty buffer, grown by the first requests it encodes. */
  public OtlpProtobufEncoder() {}

  /**
   * The encoded request as a read-only buffer whose position is its first byte and whose limit is
   * its end. It shares the encoder's memory and is valid until the next call, which may return the
   * same buffer object repositioned.
   */
  public ByteBuffer encode(Resource resource, InstrumentationScope scope,
      List<MetricSnapshot> metrics) {
    ProtoWriter w = encoder.encode(new MetricBatch(resource, scope, metrics));
    if (view == null || viewArray != w.buffer()) { // the writer grew: a view of the new array
      view = ByteBuffer.wrap(w.buffer()).asReadOnlyBuffer();
      viewArray = w.buffer();
    }
    view.limit(w.buffer().length).position(w.start());
    return view;
  }
}
