package dev.tether.cdi;

import dev.tether.WebSocketHandler;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.CDI;

/**
 * Handlers as CDI beans, looked up through {@link CDI#current()}: portable to every CDI implementation
 * (Weld in the WAR on Tomcat and Jetty, the server's own on WildFly). The only class of Tether that calls
 * into CDI, so that the rest loads where there is none.
 */
final class CdiHandlerSource implements HandlerSource {

    /** A source when a CDI container is running for this application, else null. */
    static HandlerSource ifRunning() {
        try {
            CDI.current();
            return new CdiHandlerSource();
        } catch (IllegalStateException noContainer) {
            return null;
        }
    }

    @Override
    public HandlerInstance create(Class<? extends WebSocketHandler> type) {
        // A handle, not Instance.get(): closing it destroys a @Dependent handler (and what was injected
        // into it) when its connection ends, instead of keeping it until the application stops.
        Instance.Handle<? extends WebSocketHandler> handle = CDI.current().select(type).getHandle();
        WebSocketHandler handler = handle.get();
        return new HandlerInstance() {
            @Override
            public WebSocketHandler handler() {
                return handler;
            }

            @Override
            public void close() {
                handle.close();
            }
        };
    }

    @Override
    public String problemWith(Class<? extends WebSocketHandler> type) {
        Instance<? extends WebSocketHandler> instance = CDI.current().select(type);
        if (instance.isUnsatisfied()) {
            return type.getName() + " is not a CDI bean: is it in a bean archive (WEB-INF/beans.xml), not @Vetoed,"
                    + " with a constructor CDI can call?";
        }
        if (instance.isAmbiguous()) {
            return "more than one CDI bean is a " + type.getName() + " (a subclass, or a producer):"
                    + " annotate the class the endpoint should use with @WebSocketEndpoint and no other";
        }
        return null;
    }
}
