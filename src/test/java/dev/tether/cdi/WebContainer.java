package dev.tether.cdi;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.apache.catalina.Context;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.Wrapper;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.core.StandardContext;
import org.apache.catalina.loader.WebappLoader;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.scan.StandardJarScanner;
import org.eclipse.jetty.ee11.webapp.WebAppContext;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * The embedded containers the CDI tests deploy to, each as a full web container: it scans
 * {@code WEB-INF/classes} for {@code @HandlesTypes}, runs the initializers it finds (Tether's, Weld's),
 * and serves static files.
 */
public enum WebContainer {

    TOMCAT {
        @Override
        public RunningWebApp deploy(Path webApp, ClassLoading loading, Path workDirectory) throws Exception {
            Tomcat tomcat = new Tomcat();
            tomcat.setBaseDir(workDirectory.toString());
            Connector connector = new Connector();
            connector.setPort(0);
            connector.setProperty("address", "127.0.0.1");
            tomcat.setConnector(connector);
            // Tomcat's defaults include a JSP servlet, and there is no JSP engine here: add the rest by hand.
            tomcat.setAddDefaultWebXmlToWebapp(false);
            Context context = tomcat.addWebapp("", webApp.toString());
            context.addLifecycleListener(event -> {
                if (Lifecycle.BEFORE_START_EVENT.equals(event.getType())) addStaticFileDefaults(context);
            });
            context.setParentClassLoader(WebContainer.class.getClassLoader());
            WebappLoader loader = new WebappLoader();
            loader.setDelegate(loading == ClassLoading.PARENT_FIRST);
            context.setLoader(loader);
            // Only the application's own classes, as in a real WAR: the test class path holds other
            // annotated handlers.
            StandardJarScanner scanner = new StandardJarScanner();
            scanner.setScanClassPath(false);
            context.setJarScanner(scanner);
            // The test class path holds Jetty too: keep its initializers out, and tell Weld where it runs.
            ((StandardContext) context).setContainerSciFilter("org\\.eclipse\\.jetty\\..*");
            context.addParameter(JettyWebApps.WELD_CONTAINER, "org.jboss.weld.environment.tomcat.TomcatContainer");
            List<LogRecord> errors = new ArrayList<>();
            Handler collector = collectingErrors(errors);
            Logger.getLogger("").addHandler(collector);
            Exception startFailure = null;
            try {
                tomcat.start();
            } catch (LifecycleException e) {
                startFailure = e;
            } finally {
                Logger.getLogger("").removeHandler(collector);
            }
            if (startFailure != null || !context.getState().isAvailable()) {
                tomcat.stop();
                tomcat.destroy();
                throw new DeploymentFailedException(report(errors) + report(startFailure), startFailure);
            }
            return new RunningWebApp() {
                @Override
                public int port() {
                    return connector.getLocalPort();
                }

                @Override
                public void close() throws Exception {
                    tomcat.stop();
                    tomcat.destroy();
                }
            };
        }
    },

    JETTY {
        @Override
        public RunningWebApp deploy(Path webApp, ClassLoading loading, Path workDirectory) throws Exception {
            Server server = new Server();
            ServerConnector connector = new ServerConnector(server);
            connector.setHost("127.0.0.1");
            connector.setPort(0);
            server.addConnector(connector);
            WebAppContext context = new WebAppContext(webApp.toString(), "/");
            context.setTempDirectory(workDirectory.toFile());
            JettyWebApps.configure(context, loading == ClassLoading.WEB_INF_FIRST);
            server.setHandler(context);
            try {
                server.start();
            } catch (Exception e) {
                server.stop();
                throw new DeploymentFailedException(report(e), e);
            }
            return new RunningWebApp() {
                @Override
                public int port() {
                    return connector.getLocalPort();
                }

                @Override
                public void close() throws Exception {
                    server.stop();
                }
            };
        }
    };

    /** Where the application's classes load from first. */
    public enum ClassLoading {
        /** The test's class path, so tests and application share classes (and their static state). */
        PARENT_FIRST,
        /** WEB-INF first, as containers load a real WAR. */
        WEB_INF_FIRST
    }

    /** What Tomcat's default web.xml gives every application, but JSP: the default servlet, welcome file, MIME types. */
    private static void addStaticFileDefaults(Context context) {
        Wrapper defaultServlet = context.createWrapper();
        defaultServlet.setName("default");
        defaultServlet.setServletClass("org.apache.catalina.servlets.DefaultServlet");
        defaultServlet.setLoadOnStartup(1);
        context.addChild(defaultServlet);
        context.addServletMappingDecoded("/", "default");
        context.addWelcomeFile("index.html");
        Tomcat.addDefaultMimeTypeMappings(context);
    }

    public abstract RunningWebApp deploy(Path webApp, ClassLoading loading, Path workDirectory) throws Exception;

    private static Handler collectingErrors(List<LogRecord> errors) {
        return new Handler() {
            @Override
            public synchronized void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.SEVERE.intValue()) errors.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
    }

    private static String report(List<LogRecord> errors) {
        StringBuilder report = new StringBuilder();
        for (LogRecord record : errors) {
            report.append(record.getMessage()).append('\n');
            appendCauses(report, record.getThrown());
        }
        return report.toString();
    }

    private static String report(Throwable failure) {
        StringBuilder report = new StringBuilder();
        appendCauses(report, failure);
        return report.toString();
    }

    private static void appendCauses(StringBuilder report, Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            report.append(t).append('\n');
            for (Throwable suppressed : t.getSuppressed()) report.append("suppressed: ").append(suppressed).append('\n');
            if (t.getCause() == t) break;
        }
    }
}
