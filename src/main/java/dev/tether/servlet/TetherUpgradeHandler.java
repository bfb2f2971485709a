package dev.tether.servlet;

import dev.tether.server.ServerConnection;
import jakarta.servlet.http.HttpUpgradeHandler;
import jakarta.servlet.http.WebConnection;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The standard servlet upgrade: the container creates this handler in
 * {@code request.upgrade(TetherUpgradeHandler.class)}, the servlet {@linkplain #attach attaches} the
 * accepted connection before its {@code service()} returns, and the container calls {@link #init}
 * afterwards (Tomcat always does so only after {@code service()} has returned).
 *
 * <p>Containers instantiate it reflectively, so it must stay public with a public no-argument constructor.
 */
public final class TetherUpgradeHandler implements HttpUpgradeHandler {

    private static final Logger LOG = Logger.getLogger(TetherUpgradeHandler.class.getName());

    private volatile ServerConnection connection;
    private volatile ServletTransport transport;

    public TetherUpgradeHandler() {
    }

    /** Gives the handler the connection it will carry; called by the servlet during the upgrade request. */
    void attach(ServerConnection connection) {
        this.connection = connection;
    }

    @Override
    public void init(WebConnection webConnection) {
        ServerConnection accepted = connection;
        if (accepted == null) {
            LOG.severe("upgraded connection without a WebSocket attached: closing it");
            closeQuietly(webConnection);
            return;
        }
        try {
            transport = ServletTransport.start(webConnection, accepted);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "could not take over the upgraded connection", e);
            closeQuietly(webConnection);
        }
    }

    @Override
    public void destroy() {
        ServletTransport t = transport;
        if (t != null) t.destroyed();
    }

    private static void closeQuietly(WebConnection webConnection) {
        try {
            webConnection.close();
        } catch (Exception e) {
            LOG.log(Level.FINE, "close failed", e);
        }
    }
}
