package dev.tether.browser;

/** Where the browser tests get their server from: the one place to change when the server changes. */
final class DemoSites {

    private DemoSites() {
    }

    /** Starts the demo site on a port of 127.0.0.1 the system chooses. */
    static DemoSite start() throws Exception {
        return StopgapDemoServer.start();
    }
}
