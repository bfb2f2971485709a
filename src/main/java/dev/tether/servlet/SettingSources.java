package dev.tether.servlet;

import dev.tether.server.DeploymentSettings;
import dev.tether.server.DeploymentSettings.Source;
import jakarta.servlet.ServletConfig;
import jakarta.servlet.ServletContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * Where a servlet container lets a deployment set {@link DeploymentSettings}, most important first: the
 * servlet's init-params, the servlet context's init-params (web.xml {@code <context-param>}), system properties.
 */
public final class SettingSources {

    private SettingSources() {
    }

    /** For a servlet: its init-params, then the application's, then system properties. */
    public static List<Source> of(ServletConfig servlet) {
        List<Source> sources = new ArrayList<>();
        sources.add(new Source("init-param of servlet " + servlet.getServletName(), servlet::getInitParameter));
        sources.addAll(of(servlet.getServletContext()));
        return sources;
    }

    /** For an application: its context init-params, then system properties. */
    public static List<Source> of(ServletContext context) {
        return List.of(new Source("context-param", context::getInitParameter),
                new Source("system property", System::getProperty));
    }

    /** Names that look like Tether settings but are none, wherever {@link #of(ServletConfig)} looks. */
    public static Set<String> unknownNames(ServletConfig servlet) {
        List<String> names = new ArrayList<>(Collections.list(servlet.getInitParameterNames()));
        names.addAll(Collections.list(servlet.getServletContext().getInitParameterNames()));
        names.addAll(System.getProperties().stringPropertyNames());
        return DeploymentSettings.unknown(names);
    }
}
