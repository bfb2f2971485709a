package dev.tether.servlet;

import dev.tether.client.ClientScheduler;
import dev.tether.session.Timers;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import java.util.logging.Logger;

/**
 * Stops Tether's shared timer threads when the application that carries Tether in its WAR stops, so that
 * no thread outlives it and keeps its class loader alive (Tomcat warns of exactly that on undeploy).
 * When Tether is installed for several applications at once (in the container's own lib folder), the
 * threads are shared and stay.
 */
public final class SharedThreadsRelease implements ServletContextListener {

    private static final Logger LOG = Logger.getLogger(SharedThreadsRelease.class.getName());

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        if (ownedBy(event.getServletContext().getClassLoader())) {
            Timers.shutdown();
            ClientScheduler.shutdown();
            LOG.fine("Tether's timer threads stopped with the application");
        }
    }

    /** Whether Tether's classes were loaded by this application's own class loader. */
    static boolean ownedBy(ClassLoader applicationLoader) {
        return applicationLoader != null && Timers.class.getClassLoader() == applicationLoader;
    }
}
