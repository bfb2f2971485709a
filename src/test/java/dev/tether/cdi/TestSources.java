package dev.tether.cdi;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles Java source text at test time. Handlers that must fail a deployment (two on one path, a path
 * of "/*") are made this way, so that they never sit on the test class path, where a container scanning
 * it would find them and fail some other test's deployment.
 */
final class TestSources {

    private TestSources() {
    }

    /** Compiles {@code sources} (each a whole compilation unit with one public class) into {@code directory}. */
    static void compile(Path directory, String... sources) throws IOException {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, Locale.ROOT, UTF_8)) {
            List<JavaFileObject> units = new ArrayList<>();
            for (String source : sources) units.add(new SourceText(source));
            List<String> options = List.of("--release", "17", "-d", directory.toString(), "-classpath", classPath());
            StringWriter output = new StringWriter();
            if (!compiler.getTask(output, files, diagnostics, options, null, units).call()) {
                throw new IllegalStateException("test sources do not compile: " + diagnostics.getDiagnostics() + output);
            }
        }
    }

    /** Compiles {@code sources} into {@code directory} and loads the named class from there. */
    static Class<?> compileAndLoad(Path directory, String className, String... sources) throws Exception {
        compile(directory, sources);
        URLClassLoader loader = new URLClassLoader(new URL[] {directory.toUri().toURL()}, TestSources.class.getClassLoader());
        return loader.loadClass(className);
    }

    /** Tether's own classes and the annotations the sources use. */
    private static String classPath() {
        Set<String> entries = new LinkedHashSet<>();
        for (Class<?> api : List.of(dev.tether.WebSocketHandler.class, jakarta.inject.Inject.class,
                jakarta.enterprise.context.ApplicationScoped.class)) {
            entries.add(TestWebApp.codeSource(api).toString());
        }
        return String.join(File.pathSeparator, entries);
    }

    private static final class SourceText extends SimpleJavaFileObject {
        private final String text;

        SourceText(String text) {
            super(URI.create("string:///" + className(text).replace('.', '/') + Kind.SOURCE.extension), Kind.SOURCE);
            this.text = text;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return text;
        }

        private static String className(String text) {
            String pkg = text.replaceAll("(?s).*?package\\s+([\\w.]+)\\s*;.*", "$1");
            String cls = text.replaceAll("(?s).*?public\\s+(?:abstract\\s+)?class\\s+(\\w+).*", "$1");
            return pkg + "." + cls;
        }
    }
}
