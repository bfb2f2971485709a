package dev.tether.load.servers;

import dev.tether.servlet.TetherServlet;

/** Tether on embedded Tomcat 11: {@link TetherServlet} on {@code /*}, non-blocking servlet upgrade. */
public final class TetherTomcatServer {

    public static void main(String[] args) throws Exception {
        EmbeddedTomcat tomcat = EmbeddedTomcat.create(ServerControl.port(args));
        org.apache.catalina.startup.Tomcat.addServlet(tomcat.context, "tether", new TetherServlet(TetherEndpoints.registry()));
        tomcat.context.addServletMappingDecoded("/*", "tether");
        tomcat.start();
        ServerControl.serve(tomcat.port(), tomcat::stop);
    }
}
