package dev.tether.it;

/** The WildFly demo WAR (no Weld, no JSON-P: WildFly has its own) on standalone WildFly, in {@code deployments/}. */
class WildFlyIT extends DeployedDemoChecks {

    @Override
    StandaloneServer startServer() throws Exception {
        return WildFly.instance("wildfly", "tether", ItEnvironment.wildflyWar()).start(CONTEXT + "/ws-echo");
    }
}
