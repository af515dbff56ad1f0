package io.cairn.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher runs an app so that the JVM maps the class-data archive the build wrote for it. {@code -Xshare:on}
 * turns an archive the JVM would silently ignore into a failed start.
 */
class AppProcessTest {

    /** The app: prints a line and exits. */
    public static final class Hello {
        public static void main(String[] args) {
            System.out.println("hello");
        }
    }

    @TempDir
    Path dir;

    @Test
    void anAppMapsTheClassesItsBuildArchived() throws Exception {
        Path app = quarkusApp();

        assertEquals(0, run(LocalStack.appProcess(ClassDataArchiveTest.JAVA, app, List.of("-Xshare:on"))));
    }

    @Test
    void theSameCommandFromAnotherDirectoryCannotMapThem() throws Exception {
        Path app = quarkusApp();

        ProcessBuilder elsewhere = LocalStack.appProcess(ClassDataArchiveTest.JAVA, app, List.of("-Xshare:on"))
                .directory(dir.toFile());

        assertNotEquals(0, run(elsewhere));
    }

    /** A quarkus-app directory as the build leaves it: quarkus-run.jar, and app-cds.jsa dumped from that directory. */
    private Path quarkusApp() throws Exception {
        Path app = Files.createDirectories(dir.resolve("quarkus-app"));
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, Hello.class.getName());
        String entry = Hello.class.getName().replace('.', '/') + ".class";
        try (OutputStream file = Files.newOutputStream(app.resolve("quarkus-run.jar"));
                JarOutputStream jar = new JarOutputStream(file, manifest);
                InputStream hello = Hello.class.getResourceAsStream("/" + entry)) {
            jar.putNextEntry(new JarEntry(entry));
            hello.transferTo(jar);
        }
        // As quarkus.package.jar.appcds does it.
        assertEquals(0, run(new ProcessBuilder(ClassDataArchiveTest.JAVA, "-XX:ArchiveClassesAtExit=app-cds.jsa",
                "-jar", "quarkus-run.jar").directory(app.toFile())));
        return app;
    }

    private static int run(ProcessBuilder process) throws Exception {
        return process.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
    }
}
