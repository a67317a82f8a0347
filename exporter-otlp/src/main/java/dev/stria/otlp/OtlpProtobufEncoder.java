package dev.stria.otlp;

import dev.stria.snapshot.InstrumentationScope;
import dev.stria.snapshot.MetricSnapshot;
import dev.stria.snapshot.Resource;
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

  /**
   * The encoded request as a read-only buffer positioned at its first byte; it shares the
   * encoder's memory and is valid until the next call.
   */
  public ByteBuffer encode(Resource resource, InstrumentationScope scope,
      List<MetricSnapshot> metrics) {
    ProtoWriter w = encoder.encode(new MetricBatch(resource, scope, metrics));
    return ByteBuffer.wrap(w.buffer(), w.start(), w.written()).slice().asReadOnlyBuffer();
  }
}
