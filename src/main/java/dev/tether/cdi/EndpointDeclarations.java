package dev.tether.cdi;

import dev.tether.WebSocketHandler;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Turns the classes a container found with {@link WebSocketEndpoint} into endpoint declarations, and
 * refuses a set that cannot be served: every mistake is reported at once, each naming its classes, so
 * that the deployment fails with one message saying all that must be fixed.
 */
public final class EndpointDeclarations {

    private EndpointDeclarations() {
    }

    /**
     * The endpoints declared by {@code classes}, sorted by path. Classes without the annotation are
     * ignored (a container may pass subclasses of annotated classes).
     *
     * @throws InvalidEndpointsException naming every problem: a path served by two classes, an
     *     annotated class that is not a concrete {@link WebSocketHandler}, a path that is not usable, a
     *     connection setting that is not valid
     */
    public static List<AnnotatedEndpoint> from(Collection<Class<?>> classes) {
        List<String> problems = new ArrayList<>();
        Map<String, List<Class<?>>> classesByPath = new TreeMap<>();
        for (Class<?> type : classes) {
            WebSocketEndpoint annotation = type.getAnnotation(WebSocketEndpoint.class);
            if (annotation == null) continue;
            String problem = problemWith(type, annotation.value());
            if (problem != null) {
                problems.add(problem);
            } else {
                classesByPath.computeIfAbsent(annotation.value(), p -> new ArrayList<>()).add(type);
            }
        }
        List<AnnotatedEndpoint> endpoints = new ArrayList<>();
        classesByPath.forEach((path, owners) -> {
            if (owners.size() > 1) {
                problems.add("path " + path + " is claimed by " + owners.size() + " handlers: " + names(owners));
            } else {
                Class<? extends WebSocketHandler> handler = owners.get(0).asSubclass(WebSocketHandler.class);
                WebSocketEndpoint annotation = handler.getAnnotation(WebSocketEndpoint.class);
                EndpointAttributes attributes = EndpointAttributes.of(annotation);
                for (String problem : attributes.problems()) {
                    problems.add("@WebSocketEndpoint(\"" + path + "\") on " + handler.getName() + ": " + problem);
                }
                endpoints.add(new AnnotatedEndpoint(path, handler, Arrays.asList(annotation.subprotocols()),
                        attributes.config(), attributes.origins()));
            }
        });
        if (!problems.isEmpty()) throw new InvalidEndpointsException(problems);
        return endpoints;
    }

    private static String problemWith(Class<?> type, String path) {
        String name = type.getName();
        if (!WebSocketHandler.class.isAssignableFrom(type)) {
            return "@WebSocketEndpoint class " + name + " does not implement " + WebSocketHandler.class.getName();
        }
        if (type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
            return "@WebSocketEndpoint class " + name + " is abstract: only a concrete class can handle connections";
        }
        String pathProblem = pathProblem(path);
        return pathProblem == null ? null : "@WebSocketEndpoint(\"" + path + "\") on " + name + ": " + pathProblem;
    }

    /** Why a path cannot be mapped, or null when it can. Mirrors the servlet mapping rules we rely on. */
    static String pathProblem(String path) {
        if (path.isEmpty() || path.charAt(0) != '/') return "the path must start with '/'";
        if (path.equals("/") || path.equals("/*")) {
            return "the path would take every request from the container, which must still serve the static pages";
        }
        String exactPart = path.endsWith("/*") ? path.substring(0, path.length() - 2) : path;
        if (exactPart.indexOf('*') >= 0) return "'*' is only allowed as a final \"/*\" (a prefix)";
        if (exactPart.indexOf('?') >= 0 || exactPart.indexOf('#') >= 0) return "a path has no query or fragment";
        for (int i = 0; i < exactPart.length(); i++) {
            if (Character.isWhitespace(exactPart.charAt(i)) || Character.isISOControl(exactPart.charAt(i))) {
                return "the path contains a space or a control character";
            }
        }
        return null;
    }

    private static String names(List<Class<?>> classes) {
        return classes.stream().map(Class::getName).sorted(Comparator.naturalOrder()).collect(Collectors.joining(" and "));
    }
}
