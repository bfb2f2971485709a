package dev.tether.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tether.testing.RawWebSocket;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/**
 * The demo WAR on standalone Jetty 12.1, in a base made with {@code start.jar --add-modules=}{@value Jetty#MODULES}.
 * Beside it, the control: the same WAR without {@code WEB-INF/jetty-ee11-web.xml}, which is what exposes the
 * Jetty classes Tether's Jetty transport needs. Without it Tether can only fall back to Jetty's servlet
 * upgrade, which Jetty 12.1 breaks: the handshake succeeds, and the first frame comes back as an HTTP 400.
 */
class JettyIT extends DeployedDemoChecks {

    private static final String WITHOUT_DESCRIPTOR = "/tether-without-jetty-descriptor";

    @Override
    StandaloneServer startServer() throws Exception {
        Path control = ItEnvironment.work().resolve("tether-without-jetty-descriptor.war");
        copyWithout(ItEnvironment.demoWar(), control, "WEB-INF/jetty-ee11-web.xml");
        return Jetty.instance("jetty")
                .war("tether", ItEnvironment.demoWar())
                .war(WITHOUT_DESCRIPTOR.substring(1), control)
                .start(CONTEXT + "/ws-echo");
    }

    @Test
    void withoutItsJettyDescriptorTheWarFallsIntoJettysBrokenServletUpgrade() throws Exception {
        String answer;
        try (RawWebSocket raw = RawWebSocket.open(server.ws(WITHOUT_DESCRIPTOR + "/ws-echo"))) {
            raw.send(true, RawWebSocket.TEXT, "hello".getBytes(StandardCharsets.UTF_8));
            answer = raw.readUntilEnd();
        }
        assertTrue(answer.startsWith("HTTP/1.1 400"), "expected Jetty's 400 for the frame, got: " + answer);
        String log = Logs.read(server.connectionLog());
        assertTrue(log != null && log.contains("not visible to the web application"),
                "Tether should say why in the log\n" + server.diagnostics());
    }

    /** A copy of a WAR without one entry. */
    private static void copyWithout(Path war, Path copy, String entryToLeaveOut) throws IOException {
        boolean found = false;
        try (InputStream file = Files.newInputStream(war); ZipInputStream in = new ZipInputStream(file);
             OutputStream target = Files.newOutputStream(copy); ZipOutputStream out = new ZipOutputStream(target)) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                if (entry.getName().equals(entryToLeaveOut)) {
                    found = true;
                    continue;
                }
                out.putNextEntry(new ZipEntry(entry.getName()));
                in.transferTo(out);
                out.closeEntry();
            }
        }
        if (!found) throw new IllegalStateException(war + " has no " + entryToLeaveOut);
    }
}
