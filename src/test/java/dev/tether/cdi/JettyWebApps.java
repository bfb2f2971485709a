package dev.tether.cdi;

import org.eclipse.jetty.ee11.cdi.CdiDecoratingListener;
import org.eclipse.jetty.ee11.cdi.CdiServletContainerInitializer;
import org.eclipse.jetty.ee11.webapp.WebAppContext;

/**
 * What a Tether web application needs from embedded Jetty 12.1 (ee11): shared by the CDI tests and the
 * demo server, so that the demo runs the way the tests prove.
 */
public final class JettyWebApps {

    /** Weld's setting naming the servlet container it integrates with, instead of guessing from the class path. */
    public static final String WELD_CONTAINER = "org.jboss.weld.environment.container.class";

    /**
     * The Jetty packages Tether's Jetty transport uses ({@code dev.tether.jetty}): Jetty hides all of
     * {@code org.eclipse.jetty.} from web applications, and its servlet upgrade is defective (DESIGN §3).
     */
    private static final String[] JETTY_PACKAGES_FOR_TETHER = {
        "org.eclipse.jetty.ee11.servlet.", "org.eclipse.jetty.server.", "org.eclipse.jetty.io.", "org.eclipse.jetty.util."
    };

    /**
     * The APIs a Tether WAR bundles (weld-servlet-shaded, jakarta.json-api). Jetty loads every
     * {@code jakarta.} class from its own class path first; here that class path is Maven's test class
     * path, which holds these APIs too, and {@code CDI.current()} would look for its provider beside the
     * wrong copy. A real Jetty server has none of them, so this changes nothing there.
     */
    private static final String[] APIS_THE_WAR_BRINGS = {
        "jakarta.enterprise.", "jakarta.inject.", "jakarta.interceptor.", "jakarta.decorator.", "jakarta.annotation.",
        "jakarta.el.", "jakarta.json."
    };

    private JettyWebApps() {
    }

    /**
     * Prepares a web application context for Tether and Weld.
     *
     * @param warFirst whether classes load from WEB-INF first, as from a real WAR (else from the class path)
     */
    public static WebAppContext configure(WebAppContext context, boolean warFirst) {
        context.setParentLoaderPriority(!warFirst);
        context.setThrowUnavailableOnStartupException(true);
        // Weld on Jetty 12 goes through Jetty's CDI integration (jetty-ee11-cdi).
        context.setInitParameter(CdiServletContainerInitializer.CDI_INTEGRATION_ATTRIBUTE, CdiDecoratingListener.MODE);
        // The class path holds Tomcat too (for other tests): tell Weld where it runs.
        context.setInitParameter(WELD_CONTAINER, "org.jboss.weld.environment.jetty.JettyContainer");
        context.getHiddenClassMatcher().exclude(JETTY_PACKAGES_FOR_TETHER);
        if (warFirst) context.getProtectedClassMatcher().exclude(APIS_THE_WAR_BRINGS);
        return context;
    }
}
