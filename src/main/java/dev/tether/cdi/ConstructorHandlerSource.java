package dev.tether.cdi;

import dev.tether.WebSocketHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;

/**
 * Handlers made with their public no-argument constructor, where the application has no CDI container:
 * {@link WebSocketEndpoint} then still serves handlers that need no injection.
 */
final class ConstructorHandlerSource implements HandlerSource {

    @Override
    public HandlerInstance create(Class<? extends WebSocketHandler> type) throws Exception {
        WebSocketHandler handler;
        try {
            handler = type.getConstructor().newInstance();
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception ? (Exception) e.getCause() : e;
        }
        return new HandlerInstance() {
            @Override
            public WebSocketHandler handler() {
                return handler;
            }

            @Override
            public void close() {
                // Nothing to release: the handler is garbage once its connection ends.
            }
        };
    }

    @Override
    public String problemWith(Class<? extends WebSocketHandler> type) {
        try {
            type.getConstructor();
            if (!Modifier.isPublic(type.getModifiers())) {
                return type.getName() + " is not public, and there is no CDI container to create it";
            }
            return null;
        } catch (NoSuchMethodException e) {
            return type.getName() + " has no public no-argument constructor, and there is no CDI container to create it";
        }
    }
}
