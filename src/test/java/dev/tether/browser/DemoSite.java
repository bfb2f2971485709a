package dev.tether.browser;

/**
 * The demo server as the browser tests see it: the pages and the three WebSocket endpoints on one
 * port of 127.0.0.1, which can be stopped and started again on the same port.
 */
interface DemoSite extends AutoCloseable {

    /** The port the site listens on (chosen by the system on the first start). */
    int port();

    /** Where the application is deployed: "" at the root, else a path such as {@code /demo}. */
    default String contextPath() {
        return "";
    }

    /** An address in the application, for example {@code url("ws-echo-client/")}; {@code path} has no leading slash. */
    default String url(String path) {
        return "http://127.0.0.1:" + port() + contextPath() + "/" + path;
    }

    /** Stops serving; open connections are dropped. */
    void stop() throws Exception;

    /** Serves again, on the same port as before. */
    void restart() throws Exception;

    /** Posts a message to the chatroom as its moderator. */
    void moderatorPost(String text);

    @Override
    default void close() throws Exception {
        stop();
    }
}
