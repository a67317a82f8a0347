package dev.stria.prometheus;

import static dev.stria.prometheus.TestPoints.gauge;
import static dev.stria.prometheus.TestPoints.metric;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpsConfigurator;
import dev.stria.snapshot.MetricType;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrometheusExporterHttpsTest {
  private static final char[] PASSWORD = "changeit".toCharArray();

  @TempDir Path dir;

  /** A self-signed certificate for 127.0.0.1, made with the JDK's keytool. */
  private KeyStore selfSignedKeyStore() throws Exception {
    Path file = dir.resolve("server.p12");
    Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    Process p = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "server",
        "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
        "-ext", "SAN=ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12",
        "-keystore", file.toString(), "-storepass", new String(PASSWORD))
        .redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor()).as("keytool: " + output).isZero();
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(file)) {
      store.load(in, PASSWORD);
    }
    return store;
  }

  @Test
  void servesMetricsOverHttps() throws Exception {
    KeyStore store = selfSignedKeyStore();
    KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keys.init(store, PASSWORD);
    SSLContext server = SSLContext.getInstance("TLS");
    server.init(keys.getKeyManagers(), null, null);
    TrustManagerFactory trust =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(store);
    SSLContext client = SSLContext.getInstance("TLS");
    client.init(null, trust.getTrustManagers(), null);

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
