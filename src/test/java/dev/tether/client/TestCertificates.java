package dev.tether.client;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * Self-signed certificates made at test time with the JDK's {@code keytool}, into {@code target/}: nothing
 * secret is committed, and no certificate in the repository expires.
 */
final class TestCertificates {

    private static final char[] PASSWORD = "changeit".toCharArray();
    private static final ConcurrentHashMap<String, KeyStore> STORES = new ConcurrentHashMap<>();

    private TestCertificates() {
    }

    /** A key store holding one self-signed certificate with these subject alternative names ({@code ip:…,dns:…}). */
    static KeyStore keyStore(String subjectAltNames) {
        return STORES.computeIfAbsent(subjectAltNames, TestCertificates::generate);
    }

    /** A certificate valid for 127.0.0.1 and localhost. */
    static KeyStore forLoopback() {
        return keyStore("ip:127.0.0.1,dns:localhost");
    }

    /** A certificate for some other host only: the hostname check must reject it on 127.0.0.1. */
    static KeyStore forOtherHost() {
        return keyStore("dns:other.example");
    }

    /** A client context that trusts exactly the certificate in {@code store}. */
    static SSLContext trusting(KeyStore store) throws Exception {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, tmf.getTrustManagers(), null);
        return context;
    }

    /** A TLS server socket on 127.0.0.1, ephemeral port, presenting the certificate in {@code store}. */
    static ServerSocket serverSocket(KeyStore store) throws Exception {
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(store, PASSWORD);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(kmf.getKeyManagers(), null, null);
        SSLServerSocket server = (SSLServerSocket) context.getServerSocketFactory()
                .createServerSocket(0, 50, InetAddress.getLoopbackAddress());
        return server;
    }

    private static KeyStore generate(String subjectAltNames) {
        try {
            Path dir = Paths.get("target", "test-certs");
            Files.createDirectories(dir);
            Path file = dir.resolve(subjectAltNames.replaceAll("[^A-Za-z0-9]", "_") + "-" + System.nanoTime() + ".p12");
            String keytool = Paths.get(System.getProperty("java.home"), "bin", "keytool").toString();
            Process process = new ProcessBuilder(List.of(keytool, "-genkeypair", "-alias", "test",
                    "-keyalg", "EC", "-groupname", "secp256r1", "-sigalg", "SHA256withECDSA",
                    "-dname", "CN=tether-test", "-ext", "SAN=" + subjectAltNames, "-validity", "2",
                    "-storetype", "PKCS12", "-keystore", file.toString(),
                    "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD)))
                    .redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException("keytool failed: " + output);
            }
            KeyStore store = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(file)) {
                store.load(in, PASSWORD);
            }
            return store;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run keytool", e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot make a test certificate", e);
        }
    }
}
