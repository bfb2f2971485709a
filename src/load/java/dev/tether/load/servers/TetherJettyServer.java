package dev.tether.load.servers;

import dev.tether.Tether;
import dev.tether.server.Endpoint;
import dev.tether.server.TetherServer;

/** Tether on embedded Jetty 12.1: {@link TetherServer}, the way the README starts a server. */
public final class TetherJettyServer {

    public static void main(String[] args) {
        TetherServer.Builder builder = Tether.server().host("127.0.0.1").port(ServerControl.port(args));
        for (Endpoint endpoint : TetherEndpoints.registry().endpoints()) builder.endpoint(endpoint);
        TetherServer server = builder.start();
        ServerControl.serve(server.port(), server::close);
    }
}
