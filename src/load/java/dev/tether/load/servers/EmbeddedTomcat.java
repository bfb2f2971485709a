package dev.tether.load.servers;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.catalina.Context;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;

/**
 * Embedded Tomcat 11 on 127.0.0.1 with the NIO connector, set up the same way for Tether's servlet and
 * Tomcat's own WebSocket: no connection limit (the default 8192 would refuse the 10,000 idle
 * connections), a deep accept queue for bursts of connects.
 */
final class EmbeddedTomcat {

    final Tomcat tomcat;
    final Connector connector;
    final Context context;

    private EmbeddedTomcat(Tomcat tomcat, Connector connector, Context context) {
        this.tomcat = tomcat;
        this.connector = connector;
        this.context = context;
    }

    static EmbeddedTomcat create(int port) throws Exception {
        Path baseDir = Files.createTempDirectory("load-tomcat-");
        baseDir.toFile().deleteOnExit();
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(baseDir.toString());
        Connector connector = new Connector("HTTP/1.1");
        connector.setPort(port);
        connector.setProperty("address", "127.0.0.1");
        connector.setProperty("maxConnections", "-1");
        connector.setProperty("acceptCount", "1024");
        tomcat.setConnector(connector);
        Context context = tomcat.addContext("", null);
        return new EmbeddedTomcat(tomcat, connector, context);
    }

    void start() throws Exception {
        tomcat.start();
    }

    int port() {
        return connector.getLocalPort();
    }

    void stop() {
        try {
            tomcat.stop();
            tomcat.destroy();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
