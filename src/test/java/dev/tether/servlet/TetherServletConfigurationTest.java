package dev.tether.servlet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tether.server.Endpoint;
import dev.tether.server.EndpointRegistry;
import dev.tether.testing.EmbeddedContainer;
import dev.tether.testing.EmbeddedContainer.Kind;
import dev.tether.testing.EmbeddedContainer.Options;
import dev.tether.testing.JdkClient;
import dev.tether.testing.RawWebSocket;
import jakarta.servlet.ServletException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Where the servlet finds its endpoints, and the {@code transport} init-param. */
class TetherServletConfigurationTest {

    private EmbeddedContainer container;

    @AfterEach
    void stop() {
        if (container != null) container.stop();
    }

    private static EndpointRegistry echo() {
        return new EndpointRegistry().register(Endpoint.of("/echo", ws -> ws.runWith(ws::sendMessage)));
    }

    /** A servlet whose application puts the registry in the servlet context, as a CDI extension would. */
    static final class ContextConfiguredServlet extends TetherServlet {
        private static final long serialVersionUID = 1L;

        @Override
        public void init() throws ServletException {
            getServletContext().setAttribute(EndpointRegistry.ATTRIBUTE, echo());
            super.init();
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Kind.class)
    void takesTheRegistryFromTheServletContext(Kind kind) throws Exception {
        container = kind.start(new ContextConfiguredServlet());
        try (JdkClient client = JdkClient.connect(container, "/echo")) {
            client.sendText("configured by context");
            assertEquals("configured by context", client.nextText());
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Kind.class)
    void withoutARegistryEveryRequestIs500(Kind kind) throws Exception {
        container = kind.start(new TetherServlet());
        RawWebSocket.Response r = RawWebSocket.request(container,
                "GET /echo HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        assertEquals(500, r.status());
    }

    @Test
    void initParamTransportServletIsObeyedOnJetty() throws Exception {
        // Forcing the servlet upgrade on Jetty 12.1 walks into its defect: the frame after the 101 gets a 400.
        container = Kind.JETTY.start(new TetherServlet(echo()), Options.initParam(TetherServlet.TRANSPORT_PARAM, "servlet"));
        try (RawWebSocket ws = RawWebSocket.open(container, "/echo")) {
            assertEquals(101, ws.handshake().status());
            ws.sendText("lost");
            assertEquals(400, readResponse(ws).status());
        }
    }

    @Test
    void initParamTransportJettyOnTomcatFailsTheUpgradeWith500() throws Exception {
        container = Kind.TOMCAT.start(new TetherServlet(echo()), Options.initParam(TetherServlet.TRANSPORT_PARAM, "jetty"));
        RawWebSocket.Response r = RawWebSocket.request(container, "GET /echo HTTP/1.1\r\nHost: 127.0.0.1:" + container.port()
                + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: " + RawWebSocket.newKey()
                + "\r\nSec-WebSocket-Version: 13\r\n\r\n");
        assertEquals(500, r.status());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Kind.class)
    void anUnknownTransportValueKeepsTheServletFromStarting(Kind kind) throws Exception {
        // Jetty initialises a servlet given as an instance when it starts, and fails to start;
        // Tomcat initialises it on the first request, and answers that with an error.
        try {
            container = kind.start(new TetherServlet(echo()), Options.initParam(TetherServlet.TRANSPORT_PARAM, "carrier-pigeon"));
        } catch (IllegalStateException e) {
            assertTrue(causes(e).contains("transport must be auto, servlet or jetty: carrier-pigeon"), causes(e));
            return;
        }
        RawWebSocket.Response r = RawWebSocket.request(container,
                "GET /echo HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        assertTrue(r.status() == 500 || r.status() == 503, "status " + r.status());
    }

    private static String causes(Throwable e) {
        StringBuilder s = new StringBuilder();
        for (Throwable c = e; c != null; c = c.getCause()) s.append(c).append('\n');
        return s.toString();
    }

    private static RawWebSocket.Response readResponse(RawWebSocket ws) throws Exception {
        ws.socket().setSoTimeout(5_000);
        return RawWebSocket.readResponseHead(ws.socket().getInputStream());
    }
}
