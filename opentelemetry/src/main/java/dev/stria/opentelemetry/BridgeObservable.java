package dev.stria.opentelemetry;

import dev.stria.Registration;
import io.opentelemetry.api.metrics.BatchCallback;
import io.opentelemetry.api.metrics.ObservableDoubleCounter;
import io.opentelemetry.api.metrics.ObservableDoubleGauge;
import io.opentelemetry.api.metrics.ObservableDoubleUpDownCounter;
import io.opentelemetry.api.metrics.ObservableLongCounter;
import io.opentelemetry.api.metrics.ObservableLongGauge;
import io.opentelemetry.api.metrics.ObservableLongUpDownCounter;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The handle of a registered callback (an observable instrument, or a batch callback): {@code
 * close()} removes the callback, once; later collections no longer call it.
 */
final class BridgeObservable implements ObservableLongCounter, ObservableDoubleCounter,
    ObservableLongUpDownCounter, ObservableDoubleUpDownCounter, ObservableLongGauge,
    ObservableDoubleGauge, BatchCallback {
  private final Registration registration;
  private final AtomicBoolean closed = new AtomicBoolean();

  BridgeObservable(Registration registration) {
    this.registration = registration;
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      registration.close();
    }
  }
}
