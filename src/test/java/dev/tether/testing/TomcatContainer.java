package dev.tether.testing;

import jakarta.servlet.http.HttpServlet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.net.SSLHostConfig;
import org.apache.tomcat.util.net.SSLHostConfigCertificate;

/** Embedded Tomcat 11. */
final class TomcatContainer implements EmbeddedContainer {

    private final Tomcat tomcat;
    private final Connector connector;
    private final boolean secure;
    private final Path baseDir;

    private TomcatContainer(Tomcat tomcat, Connector connector, boolean secure, Path baseDir) {
        this.tomcat = tomcat;
        this.connector = connector;
        this.secure = secure;
        this.baseDir = baseDir;
    }

    static TomcatContainer start(HttpServlet servlet, Options options) throws Exception {
        Path baseDir = Files.createTempDirectory(Files.createDirectories(Paths.get("target").toAbsolutePath()), "tomcat-");
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(baseDir.toString());
        Connector connector = new Connector("HTTP/1.1");
        connector.setPort(0);
        connector.setProperty("address", "127.0.0.1");
        if (options.idleTimeout() != null) {
            connector.setProperty("connectionTimeout", Long.toString(options.idleTimeout().toMillis()));
        }
        if (options.tls()) {
            connector.setScheme("https");
            connector.setSecure(true);
            connector.setProperty("SSLEnabled", "true");
            SSLHostConfig host = new SSLHostConfig();
            SSLHostConfigCertificate certificate = new SSLHostConfigCertificate(host, SSLHostConfigCertificate.Type.UNDEFINED);
            certificate.setCertificateKeystoreFile(TestTls.keystore().toString());
            certificate.setCertificateKeystorePassword(TestTls.PASSWORD);
            certificate.setCertificateKeystoreType("PKCS12");
            host.addCertificate(certificate);
            connector.addSslHostConfig(host);
        }
        tomcat.setConnector(connector);
        Context context = tomcat.addContext("", null);
        org.apache.catalina.Wrapper wrapper = Tomcat.addServlet(context, "tether", servlet);
        options.initParams().forEach(wrapper::addInitParameter);
        options.contextParams().forEach(context::addParameter);
        context.addServletMappingDecoded("/*", "tether");
        tomcat.start();
        return new TomcatContainer(tomcat, connector, options.tls(), baseDir);
    }

    @Override
    public Kind kind() {
        return Kind.TOMCAT;
    }

    @Override
    public int port() {
        return connector.getLocalPort();
    }

    @Override
    public boolean secure() {
        return secure;
    }

    @Override
    public void stop() {
        try {
            tomcat.stop();
            tomcat.destroy();
        } catch (LifecycleException e) {
            throw new IllegalStateException("cannot stop Tomcat", e);
        } finally {
            deleteQuietly(baseDir);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory under target/: mvn clean removes it
        }
    }

    @Override
    public String toString() {
        return secure ? "tomcat-tls" : "tomcat";
    }
}
