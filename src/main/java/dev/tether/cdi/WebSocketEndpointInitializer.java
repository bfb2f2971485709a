package dev.tether.cdi;

import dev.tether.server.DeploymentSettings;
import dev.tether.server.Endpoint;
import dev.tether.server.EndpointRegistry;
import dev.tether.servlet.SettingSources;
import dev.tether.servlet.SharedThreadsRelease;
import dev.tether.servlet.TetherServlet;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.annotation.HandlesTypes;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Serves every {@link WebSocketEndpoint} class of an application: the container hands us the annotated
 * classes it found while deploying ({@code @HandlesTypes}), and we register one {@link TetherServlet}
 * mapped to exactly their paths, so the container keeps serving every other path (static pages).
 *
 * <p>Registered in {@code META-INF/services/jakarta.servlet.ServletContainerInitializer}. This runs before
 * the application's CDI container has started, so handlers are not looked up here: each connection asks
 * CDI for its own ({@link BeanHandler}), and a listener checks at startup that CDI can create them.
 *
 * <p>Nothing here depends on one CDI implementation; the lookups are {@code jakarta.enterprise} API only.
 *
 * <p>Each endpoint keeps the connection settings its annotation sets; the servlet gives it the
 * deployment's for the rest ({@link DeploymentSettings}: context-params or system properties
 * {@code tether.*}). Those are checked here as well, so that an invalid one fails the deployment on every
 * container, before anything is served.
 */
@HandlesTypes(WebSocketEndpoint.class)
public class WebSocketEndpointInitializer implements ServletContainerInitializer {

    /** The name of the servlet serving the annotated endpoints. */
    public static final String SERVLET_NAME = "tether-websocket-endpoints";

    private static final Logger LOG = Logger.getLogger(WebSocketEndpointInitializer.class.getName());

    @Override
    public void onStartup(Set<Class<?>> annotatedClasses, ServletContext context) throws ServletException {
        // For every application that carries Tether, annotated handlers or not: no timer thread outlives it.
        context.addListener(new SharedThreadsRelease());
        if (annotatedClasses == null || annotatedClasses.isEmpty()) return;
        try {
            List<AnnotatedEndpoint> endpoints = EndpointDeclarations.from(annotatedClasses);
            if (endpoints.isEmpty()) return;
            DeploymentSettings.from(SettingSources.of(context));
            EndpointRegistry registry = registryOf(context);
            for (AnnotatedEndpoint endpoint : endpoints) {
                registry.register(new Endpoint(endpoint.path(), new BeanHandler(endpoint.handlerClass(),
                        context.getClassLoader()), endpoint.config(), endpoint.subprotocols(), endpoint.origins()));
            }
            mapServlet(context, registry, endpoints);
            context.addListener(new EndpointBeanCheck(endpoints));
            LOG.info(() -> "WebSocket endpoints of " + describe(context) + ": " + endpoints.stream()
                    .map(e -> e.path() + " -> " + e.handlerClass().getName()).collect(Collectors.joining(", ")));
        } catch (IllegalStateException | IllegalArgumentException e) {
            // Containers report a failing initializer in different ways (Tomcat logs it without its message
            // at the top): say it plainly under our own name as well.
            LOG.log(Level.SEVERE, e.getMessage());
            throw new ServletException(e.getMessage(), e);
        }
    }

    /** The application's registry: the one already published by application code, or a new one. */
    private static EndpointRegistry registryOf(ServletContext context) {
        Object existing = context.getAttribute(EndpointRegistry.ATTRIBUTE);
        if (existing instanceof EndpointRegistry) return (EndpointRegistry) existing;
        EndpointRegistry registry = new EndpointRegistry();
        context.setAttribute(EndpointRegistry.ATTRIBUTE, registry);
        return registry;
    }

    private static void mapServlet(ServletContext context, EndpointRegistry registry, List<AnnotatedEndpoint> endpoints) {
        ServletRegistration.Dynamic servlet = context.addServlet(SERVLET_NAME, new TetherServlet(registry));
        if (servlet == null) {
            throw new IllegalStateException("a servlet named " + SERVLET_NAME + " is already declared in "
                    + describe(context) + ": Tether's annotated endpoints need that name");
        }
        String[] paths = endpoints.stream().map(AnnotatedEndpoint::path).toArray(String[]::new);
        Set<String> taken = servlet.addMapping(paths);
        if (!taken.isEmpty()) {
            throw new IllegalStateException("WebSocket endpoint paths already mapped to another servlet: " + taken
                    + " (handlers: " + endpoints.stream().filter(e -> taken.contains(e.path()))
                    .map(e -> e.handlerClass().getName()).collect(Collectors.joining(", ")) + ")");
        }
        servlet.setLoadOnStartup(1);
        servlet.setAsyncSupported(true);
    }

    private static String describe(ServletContext context) {
        String path = context.getContextPath();
        return path == null || path.isEmpty() ? "the root application" : path;
    }
}
