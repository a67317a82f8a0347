package dev.stria.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stria.snapshot.Temporality;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** https: the exporter verifies the receiver's certificate and host, and delivers over TLS. */
class HttpsTest {
  static final char[] PASSWORD = "changeit".toCharArray();

  /** A self-signed certificate for 127.0.0.1, made with the JDK's keytool. */
  static KeyStore selfSigned(Path dir) throws Exception {
    Path file = dir.resolve("receiver.p12");
    String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
    Process p = new ProcessBuilder(keytool, "-genkeypair", "-alias", "receiver", "-keyalg", "EC",
        "-groupname", "secp256r1", "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1",
        "-validity", "2", "-keystore", file.toString(), "-storetype", "PKCS12",
        "-storepass", "changeit", "-keypass", "changeit").redirectErrorStream(true).start();
    p.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isZero();
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(file)) {
      ks.load(in, PASSWORD);
    }
    return ks;
  }

  @Test
  void httpsEndpointWithATrustedCertificateReceivesTheExport(@TempDir Path dir) throws Exception {
    KeyStore ks = selfSigned(dir);
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(ks, PASSWORD);
    SSLContext server = SSLContext.getInstance("TLS");
    server.init(kmf.getKeyManagers(), null, null);
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(ks);
    SSLContext client = SSLContext.getInstance("TLS");
    client.init(null, tmf.getTrustManagers(), null);

    ExporterFaultsTest.Jobs jobs = new ExporterFaultsTest.Jobs(Temporality.DELTA);
    try (OtlpReceiver receiver = OtlpReceiver.https(server)) {
      try (OtlpExporter untrusting = ExporterFaultsTest.builder(jobs, receiver.endpoint())
          .retryPolicy(RetryPolicy.NONE).start()) {
        jobs.add("a", 2);
        assertThat(untrusting.forceFlush()).as("the JDK trust store does not know the key")
            .isFalse();
      }
      try (OtlpExporter exporter = ExporterFaultsTest.builder(jobs, receiver.endpoint())
          .sslContext(client).start()) {
        jobs.add("a", 3);
        assertThat(exporter.forceFlush()).isTrue();
        assertThat(receiver.endpoint()).startsWith("https://");
        assertThat(receiver.deltaTotal("jobs")).isEqualTo(3);
      }
    }
  }
}
