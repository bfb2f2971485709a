package dev.tether.it;

/** The demo WAR on standalone Tomcat 11, dropped into {@code webapps/}. */
class TomcatIT extends DeployedDemoChecks {

    @Override
    StandaloneServer startServer() throws Exception {
        return Tomcat.instance("tomcat").war("tether", ItEnvironment.demoWar()).start(CONTEXT + "/ws-echo");
    }
}
