package dev.stria.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Base64;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A self-signed EC certificate for 127.0.0.1 made with the JDK's keytool, as a PKCS12 key store
 * (alias {@code server}, password {@link #PASSWORD}) and, for servers written in Go, as PEM files.
 */
final class SelfSignedCertificate {
  static final char[] PASSWORD = "changeit".toCharArray();

  private SelfSignedCertificate() {}

  /** Generates the certificate in {@code dir}/server.p12. */
  static KeyStore create(Path dir) throws Exception {
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

  /** Writes {@code store}'s key and certificate as {@code dir}/server.key and server.crt. */
  static void writePem(KeyStore store, Path dir) throws Exception {
    Files.writeString(dir.resolve("server.key"),
        pem("PRIVATE KEY", store.getKey("server", PASSWORD).getEncoded()));
    Files.writeString(dir.resolve("server.crt"),
        pem("CERTIFICATE", store.getCertificate("server").getEncoded()));
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN " + type + "-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
        + "\n-----END " + type + "-----\n";
  }

  /** A client TLS context that trusts {@code store}'s certificate. */
  static SSLContext trusting(KeyStore store) throws Exception {
    TrustManagerFactory trust =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(store);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, trust.getTrustManagers(), null);
    return context;
  }
}
