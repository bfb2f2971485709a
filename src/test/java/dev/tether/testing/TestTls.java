package dev.tether.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A self-signed certificate for 127.0.0.1 and localhost, made once with the JDK's {@code keytool} into
 * {@code target/} (nothing secret is committed, and it never expires in the repository), and a client
 * {@link SSLContext} that trusts exactly it.
 */
public final class TestTls {

    public static final String PASSWORD = "tether-test";
    private static final Path KEYSTORE = Paths.get("target", "tether-test-keystore.p12");
    private static SSLContext clientContext;

    private TestTls() {
    }

    /** The server keystore (PKCS12, password {@link #PASSWORD}), created on first use. */
    public static synchronized Path keystore() {
        if (Files.isRegularFile(KEYSTORE)) return KEYSTORE.toAbsolutePath();
        try {
            Files.createDirectories(KEYSTORE.getParent());
            Path partial = Files.createTempFile(KEYSTORE.getParent(), "keystore", ".p12");
            Files.delete(partial); // keytool refuses to write into an existing empty file
            String keytool = Paths.get(System.getProperty("java.home"), "bin", "keytool").toString();
            Process p = new ProcessBuilder(List.of(keytool, "-genkeypair", "-alias", "tether",
                    "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "3650",
                    "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1,dns:localhost",
                    "-storetype", "PKCS12", "-keystore", partial.toString(),
                    "-storepass", PASSWORD, "-keypass", PASSWORD))
                    .redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("keytool failed: " + output);
            }
            Files.move(partial, KEYSTORE, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return KEYSTORE.toAbsolutePath();
        } catch (IOException e) {
            throw new IllegalStateException("cannot create the test keystore", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A client context that trusts the test certificate only. */
    public static synchronized SSLContext clientContext() {
        if (clientContext != null) return clientContext;
        try {
            KeyStore server = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(keystore())) {
                server.load(in, PASSWORD.toCharArray());
            }
            Certificate cert = server.getCertificate("tether");
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("tether", cert);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, tmf.getTrustManagers(), null);
            clientContext = context;
            return context;
        } catch (Exception e) {
            throw new IllegalStateException("cannot build the test client TLS context", e);
        }
    }
}
