package dev.stria.prometheus;

import static dev.stria.prometheus.TestPoints.gauge;
import static dev.stria.prometheus.TestPoints.metric;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpsConfigurator;
import dev.stria.snapshot.MetricType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrometheusExporterHttpsTest {
  @TempDir Path dir;

  @Test
  void servesMetricsOverHttps() throws Exception {
    KeyStore store = SelfSignedCertificate.create(dir);
    KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keys.init(store, SelfSignedCertificate.PASSWORD);
    SSLContext server = SSLContext.getInstance("TLS");
    server.init(keys.getKeyManagers(), null, null);
    SSLContext client = SelfSignedCertificate.trusting(store);

    try (PrometheusExporter exporter = PrometheusExporter.builder()
        .reader(FakeReader.of(metric("up", "", "", MetricType.GAUGE, gauge(1))))
        .host("127.0.0.1").port(0).https(new HttpsConfigurator(server)).start()) {
      HttpResponse<String> response = HttpClient.newBuilder().sslContext(client).build().send(
          HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + exporter.port() + "/metrics"))
              .build(),
          HttpResponse.BodyHandlers.ofString());

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).contains("up{");
    }
  }
}
