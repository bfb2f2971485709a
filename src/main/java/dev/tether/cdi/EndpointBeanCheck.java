package dev.tether.cdi;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/**
 * Fails the deployment when an annotated handler cannot be created, rather than failing each connection
 * later with 1011. Runs as the application starts, after any CDI container: WildFly's starts before the
 * application, Weld's in its own initializer, or in a listener of web.xml, and those run before the
 * listeners initializers add (Servlet 6.0 §8.2.3).
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
        HandlerSource source = HandlerSources.current();
        List<String> problems = new ArrayList<>();
        for (AnnotatedEndpoint endpoint : endpoints) {
            String problem = source.problemWith(endpoint.handlerClass());
            if (problem != null) problems.add("@WebSocketEndpoint(\"" + endpoint.path() + "\"): " + problem);
        }
        if (!problems.isEmpty()) throw new InvalidEndpointsException(problems);
        if (source instanceof ConstructorHandlerSource) {
            LOG.info("no CDI container is running: WebSocket handlers are created with their constructors");
        }
    }
}
