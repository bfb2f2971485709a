package dev.tether.conformance;

import dev.tether.conformance.wire.RawConnection;
import dev.tether.conformance.wire.Transcript;
import java.io.IOException;
import java.net.Socket;

/** What a case may do with the server under test beyond its own connection. */
public interface ServerAccess {

    /** The container's name: jetty or tomcat. */
    String name();

    int port();

    /** The id under which the server records what the application saw for this run (the query's {@code run=}). */
    String runId();

    /** The Host header value for requests to the server: {@code 127.0.0.1:port}. */
    String hostHeader();

    /** The request path (with a query naming the run) for an endpoint. */
    String requestTarget(EndpointKind endpoint);

    /** A new TCP connection to the server, nothing sent yet. */
    Socket openSocket() throws IOException;

    /** A further WebSocket connection to an endpoint, handshake done (for cases that need several). */
    RawConnection connect(EndpointKind endpoint, Transcript transcript) throws IOException;

    /** How many WebSocket connections the server holds open right now. */
    int openConnections();
}
