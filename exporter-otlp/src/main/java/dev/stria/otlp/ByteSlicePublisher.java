package dev.stria.otlp;

import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A request body that hands the HTTP client a view of the encoder's buffer instead of a copy.
 *
 * <p>Why: {@code BodyPublishers.ofByteArray(bytes, offset, length)} copies the body into fresh
 * chunks on every send, which for a 2 MB export is 2 MB of garbage per attempt. This publisher
 * emits the slice as one heap {@link ByteBuffer} wrapping the caller's array, once per
 * subscription (each retry subscribes again and gets a fresh view).
 *
 * <p>Safe because the exporter sends synchronously from its single thread and does not encode
 * again until {@code send} has returned. After a request timeout the client abandons the exchange
 * and closes its HTTP/1.1 connection; a write still in flight can at worst send a truncated body
 * on a connection that is being closed, which no receiver accepts.
 */
final class ByteSlicePublisher implements HttpRequest.BodyPublisher {
  private final byte[] bytes;
  private final int offset;
  private final int length;

  ByteSlicePublisher(byte[] bytes, int offset, int length) {
    this.bytes = bytes;
    this.offset = offset;
    this.length = length;
  }

  @Override
  public long contentLength() {
    return length;
  }

  @Override
  public void subscribe(Flow.Subscriber<? super ByteBuffer> subscriber) {
    AtomicBoolean finished = new AtomicBoolean();
    subscriber.onSubscribe(new Flow.Subscription() {
      @Override
      public void request(long n) {
        if (finished.get()) {
          return;
        }
        if (n <= 0) {
          if (finished.compareAndSet(false, true)) {
            subscriber.onError(new IllegalArgumentException("non-positive request " + n));
          }
          return;
        }
        if (finished.compareAndSet(false, true)) {
          if (length > 0) {
            subscriber.onNext(ByteBuffer.wrap(bytes, offset, length));
          }
          subscriber.onComplete();
        }
      }

      @Override
      public void cancel() {
        finished.set(true);
      }
    });
  }
}
