package dev.stria.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.stria.MeterRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Basic authentication and TLS against a real Pushgateway; bearer tokens on a loopback server. */
class PushgatewayAuthTest {
  /** bcrypt of "push-secret" (cost 4), made with Python's crypt module, not by Stria. */
  private static final String PASSWORD_HASH =
      "$2b$04$jfh.P5D0RrRwfWf0.AoPhusPDXLmLl80NGZDNy8FZLnQLzM2k2sie";

  @TempDir Path dir;

  private KeyStore selfSigned() throws Exception {
    KeyStore store = SelfSignedCertificate.create(dir);
    SelfSignedCertificate.writePem(store, dir);
    return store;
  }

  @Test
  void pushesOverHttpsWithBasicAuthToAPushgatewayThatRequiresBoth() throws Exception {
    SSLContext tls = SelfSignedCertificate.trusting(selfSigned());
    String webConfig = """
        tls_server_config:
          cert_file: %s
          key_file: %s
        basic_auth_users:
          stria: %s
        """.formatted(dir.resolve("server.crt"), dir.resolve("server.key"), PASSWORD_HASH);
    String readerAuth = "Basic " + Base64.getEncoder()
        .encodeToString("stria:push-secret".getBytes(StandardCharsets.UTF_8));
    MeterRegistry registry = new MeterRegistry();
    registry.counter("secure.pushes").register().add(4);

    try (Pushgateway pushgateway = Pushgateway.start(dir, webConfig,
        HttpClient.newBuilder().sslContext(tls).build(), "https", readerAuth)) {
      try (PushgatewayExporter wrongPassword = PushgatewayExporter.builder().registry(registry)
          .address(pushgateway.address()).sslContext(tls).job("secure")
          .basicAuth("stria", "guess").shutdownHook(false).pushOnClose(false).build()) {
        assertThatThrownBy(wrongPassword::push).isInstanceOf(IOException.class)
            .hasMessageContaining("failed: HTTP 401");
      }
      try (PushgatewayExporter exporter = PushgatewayExporter.builder()
          .reader(registry.newReader(dev.stria.snapshot.Temporality.CUMULATIVE))
          .address(pushgateway.address()).sslContext(tls).job("secure")
          .basicAuth("stria", "push-secret").shutdownHook(false).build()) {
        assertThat(exporter.groupUrl().getScheme()).isEqualTo("https");
      }   // close() pushes

      assertThat(PushgatewayExporterTest.value(pushgateway.samples("secure_pushes_total"),
          "job=\"secure\"")).isEqualTo(4);
    }
  }

  @Test
  void anUntrustedCertificateIsATlsFailure() throws Exception {
    KeyStore store = selfSigned();
    String webConfig = """
        tls_server_config:
          cert_file: %s
          key_file: %s
        """.formatted(dir.resolve("server.crt"), dir.resolve("server.key"));
    try (Pushgateway pushgateway = Pushgateway.start(dir, webConfig,
        HttpClient.newBuilder().sslContext(SelfSignedCertificate.trusting(store)).build(), "https", null)) {
      MeterRegistry registry = new MeterRegistry();
      try (PushgatewayExporter exporter = PushgatewayExporter.builder().registry(registry)
          .address(pushgateway.address()).job("untrusted")   // the JDK's trust store
          .shutdownHook(false).pushOnClose(false).build()) {
        assertThatThrownBy(exporter::push).isInstanceOf(IOException.class)
            .hasMessageContaining("failed: TLS failed");
      }
    }
  }

  @Test
  void sendsTheBearerTokenAndTheFormatsContentType() throws Exception {
    List<String> seen = new CopyOnWriteArrayList<>();
    HttpServer server = HttpServer.create(
        new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      seen.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " | "
          + exchange.getRequestHeaders().getFirst("Authorization") + " | "
          + exchange.getRequestHeaders().getFirst("Content-Type"));
      exchange.getRequestBody().readAllBytes();
      exchange.sendResponseHeaders(200, -1);
      exchange.close();
    });
    server.start();
    try {
      MeterRegistry registry = new MeterRegistry();
      registry.counter("tokens").register().inc();
      try (PushgatewayExporter exporter = PushgatewayExporter.builder().registry(registry)
          .address("127.0.0.1:" + server.getAddress().getPort() + "/gateway").job("token")
          .bearerToken("t0k3n").format(PushgatewayExporter.Format.PROMETHEUS_TEXT)
          .shutdownHook(false).pushOnClose(false).build()) {
        exporter.pushAdd();
        exporter.delete();
      }
    } finally {
      server.stop(0);
    }

    assertThat(seen).containsExactly(
        "POST /gateway/metrics/job/token | Bearer t0k3n | text/plain; version=0.0.4; charset=utf-8",
        "DELETE /gateway/metrics/job/token | Bearer t0k3n | null");
  }
}
