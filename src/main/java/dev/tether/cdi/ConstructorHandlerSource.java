package dev.tether.cdi;

import dev.tether.WebSocketHandler;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Handlers made with their public no-argument constructor, where the application has no CDI container:
 * {@link WebSocketEndpoint} then still serves handlers that need no injection.
 */
final class ConstructorHandlerSource implements HandlerSource {

    private static final String INJECT = "jakarta.inject.Inject";

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
        String noCdi = ", and no CDI container is running (is there a WEB-INF/beans.xml? a CDI implementation?)";
        if (needsInjection(type)) return type.getName() + " uses @Inject" + noCdi;
        try {
            type.getConstructor();
        } catch (NoSuchMethodException e) {
            return type.getName() + " has no public no-argument constructor" + noCdi;
        }
        return Modifier.isPublic(type.getModifiers()) ? null : type.getName() + " is not public" + noCdi;
    }

    /** Whether the class or a superclass has an {@code @Inject} member. By name: the annotation may not be on the class path. */
    private static boolean needsInjection(Class<?> type) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            List<AnnotatedElement> members = new ArrayList<>();
            members.addAll(Arrays.asList(c.getDeclaredFields()));
            members.addAll(Arrays.asList(c.getDeclaredMethods()));
            members.addAll(Arrays.asList(c.getDeclaredConstructors()));
            for (AnnotatedElement member : members) {
                for (Annotation annotation : member.getAnnotations()) {
                    if (INJECT.equals(annotation.annotationType().getName())) return true;
                }
            }
        }
        return false;
    }
}
