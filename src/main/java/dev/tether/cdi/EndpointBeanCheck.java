package dev.tether.cdi;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/**
 * Fails the deployment when an annotated handler cannot be created, rather than failing each connection
 * later with 1011. Runs once the application has started, when its CDI container is up (Weld starts in
 * its own initializer; WildFly's before any).
 */
final class EndpointBeanCheck implements ServletContextListener {

    private static final Logger LOG = Logger.getLogger(EndpointBeanCheck.class.getName());

    private final List<AnnotatedEndpoint> endpoints;

    EndpointBeanCheck(List<AnnotatedEndpoint> endpoints) {
        this.endpoints = List.copyOf(endpoints);
    }

    @Override
    public void contextInitialized(ServletContextEvent event) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(event.getServletContext().getClassLoader());
        try {
            check();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private void check() {
        boolean cdi = HandlerSources.cdiRunning();
        HandlerSource source = HandlerSources.current();
        List<String> problems = new ArrayList<>();
        for (AnnotatedEndpoint endpoint : endpoints) {
            String problem = source.problemWith(endpoint.handlerClass());
            if (problem != null) problems.add("@WebSocketEndpoint(\"" + endpoint.path() + "\"): " + problem);
        }
        if (problems.isEmpty()) return;
        if (!cdi) {
            // A CDI container may still start after this listener (one declared in web.xml, say): the
            // handlers may be fine by the first connection, so warn instead of failing the deployment.
            LOG.warning(() -> "no CDI container is running yet; unless one starts, connections will fail: " + problems);
            return;
        }
        throw new InvalidEndpointsException(problems);
    }
}
