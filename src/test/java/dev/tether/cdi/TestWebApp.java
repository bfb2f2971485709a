package dev.tether.cdi;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * An exploded web application on disk, laid out as a WAR is: {@code WEB-INF/beans.xml},
 * {@code WEB-INF/classes} holding only the classes a test picks, and one static page. Containers scan
 * {@code WEB-INF/classes}, so each test decides exactly which handlers they find.
 */
final class TestWebApp {

    static final String STATIC_PAGE = "<!doctype html><title>static</title><p>a static page</p>\n";

    private final Path root;

    private TestWebApp(Path root) {
        this.root = root;
    }

    static TestWebApp in(Path directory) throws IOException {
        Path webInf = Files.createDirectories(directory.resolve("WEB-INF/classes")).getParent();
        Files.writeString(webInf.resolve("beans.xml"), "<beans xmlns=\"https://jakarta.ee/xml/ns/jakartaee\""
                + " version=\"4.0\" bean-discovery-mode=\"annotated\"/>\n", UTF_8);
        Files.writeString(directory.resolve("index.html"), STATIC_PAGE, UTF_8);
        return new TestWebApp(directory);
    }

    /** Takes WEB-INF/beans.xml away: Weld then finds no bean archive and does not start. */
    TestWebApp withoutBeansXml() throws IOException {
        Files.delete(root.resolve("WEB-INF/beans.xml"));
        return this;
    }

    /** Writes a WEB-INF/web.xml declaring these context-params (name, value, name, value...). */
    TestWebApp withContextParams(String... namesAndValues) throws IOException {
        StringBuilder xml = new StringBuilder("<web-app xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" version=\"6.0\">\n");
        for (int i = 0; i < namesAndValues.length; i += 2) {
            xml.append("  <context-param><param-name>").append(namesAndValues[i]).append("</param-name><param-value>")
                    .append(namesAndValues[i + 1]).append("</param-value></context-param>\n");
        }
        Files.writeString(root.resolve("WEB-INF/web.xml"), xml.append("</web-app>\n").toString(), UTF_8);
        return this;
    }

    Path root() {
        return root;
    }

    /** Copies compiled classes (with their nested classes) into WEB-INF/classes. */
    TestWebApp withClasses(Class<?>... classes) throws IOException {
        for (Class<?> type : classes) {
            Path source = classFile(type);
            Path target = root.resolve("WEB-INF/classes").resolve(type.getName().replace('.', '/') + ".class");
            Files.createDirectories(target.getParent());
            String prefix = type.getSimpleName() + "$";
            try (DirectoryStream<Path> siblings = Files.newDirectoryStream(source.getParent())) {
                for (Path sibling : siblings) {
                    String name = sibling.getFileName().toString();
                    if (sibling.equals(source) || name.startsWith(prefix) && name.endsWith(".class")) {
                        Files.copy(sibling, target.resolveSibling(name));
                    }
                }
            }
        }
        return this;
    }

    /**
     * Compiles Java sources straight into WEB-INF/classes. For classes that must never be on the test
     * class path, where any container scanning it would find them (two handlers claiming one path).
     */
    TestWebApp withCompiledSources(String... sources) throws IOException {
        TestSources.compile(root.resolve("WEB-INF/classes"), sources);
        return this;
    }

    static Path codeSource(Class<?> type) {
        try {
            return Paths.get(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path classFile(Class<?> type) {
        return codeSource(type).resolve(type.getName().replace('.', '/') + ".class");
    }

}
