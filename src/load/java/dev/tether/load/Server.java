package dev.tether.load;

import dev.tether.load.servers.JettyNativeServer;
import dev.tether.load.servers.NettyServer;
import dev.tether.load.servers.RawTcpServer;
import dev.tether.load.servers.TetherJettyServer;
import dev.tether.load.servers.TetherTomcatServer;
import dev.tether.load.servers.TomcatNativeServer;

/** The servers measured, in the order of the tables. */
enum Server {
    TETHER_JETTY("tether-jetty", "Tether on Jetty 12.1", TetherJettyServer.class, Kind.TETHER),
    TETHER_TOMCAT("tether-tomcat", "Tether on Tomcat 11", TetherTomcatServer.class, Kind.TETHER),
    JETTY("jetty", "Jetty 12 WebSocket", JettyNativeServer.class, Kind.PEER),
    TOMCAT("tomcat", "Tomcat 11 WebSocket", TomcatNativeServer.class, Kind.PEER),
    NETTY("netty", "Netty 4.1", NettyServer.class, Kind.PEER),
    RAW_TCP("raw-tcp", "raw TCP echo (limit)", RawTcpServer.class, Kind.LIMIT);

    enum Kind { TETHER, PEER, LIMIT }

    final String id;
    final String label;
    final Class<?> mainClass;
    final Kind kind;

    Server(String id, String label, Class<?> mainClass, Kind kind) {
        this.id = id;
        this.label = label;
        this.mainClass = mainClass;
        this.kind = kind;
    }

    static Server byId(String id) {
        for (Server s : values()) if (s.id.equals(id)) return s;
        throw new IllegalArgumentException("no server " + id);
    }
}
