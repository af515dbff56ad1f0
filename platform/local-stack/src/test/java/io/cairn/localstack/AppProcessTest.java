package io.cairn.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher runs an app so that its own instance writes the classes it loaded when it exits, and every later start
 * maps them. {@code -Xshare:on} turns an archive the JVM would silently ignore into a failed start.
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
    void anAppWritesItsClassesWhenItExitsAndTheNextStartMapsThem() throws Exception {
        Path app = quarkusApp();
        ClassDataArchive classes = ClassDataArchive.ofApp(app, ClassDataArchiveTest.JAVA);

        assertEquals(0, run(LocalStack.appProcess(ClassDataArchiveTest.JAVA, app, List.of(classes.jvmOption()))));
        classes.keepIfReadable();

        String map = classes.jvmOption();
        assertEquals("-XX:SharedArchiveFile=" + app.resolve("classes.jsa"), map);
        assertEquals(0, run(LocalStack.appProcess(ClassDataArchiveTest.JAVA, app, List.of("-Xshare:on", map))));
    }

    @Test
    void aReplicaMapsTheArchiveOnceThereIsOneAndNeverWritesIt() throws Exception {
        Path app = quarkusApp();
        ClassDataArchive classes = ClassDataArchive.ofApp(app, ClassDataArchiveTest.JAVA);
        assertEquals(List.of(), classes.mapOnly());

        run(LocalStack.appProcess(ClassDataArchiveTest.JAVA, app, List.of(classes.jvmOption())));
        classes.keepIfReadable();

        List<String> options = new ArrayList<>(List.of("-Xshare:on"));
        options.addAll(classes.mapOnly());
        assertEquals(2, options.size());
        assertEquals(0, run(LocalStack.appProcess(ClassDataArchiveTest.JAVA, app, options)));
    }

    @Test
    void aRebuiltAppDropsTheArchiveOfItsLastBuildAndWritesAnother() throws Exception {
        Path app = quarkusApp();
        ClassDataArchive classes = archived(app);
        assertTrue(Files.exists(app.resolve("classes.jsa")));

        // The next build writes quarkus-run.jar again.
        Files.setLastModifiedTime(app.resolve("quarkus-run.jar"),
                FileTime.from(Files.getLastModifiedTime(app.resolve("classes.jsa")).toInstant().plusSeconds(1)));

        assertEquals(List.of(), classes.mapOnly());
        assertFalse(Files.exists(app.resolve("classes.jsa")));
        assertEquals("-XX:ArchiveClassesAtExit=" + app.resolve("classes.jsa.written"), classes.jvmOption());
    }

    @Test
    void anArchiveTheJvmWouldIgnoreIsDroppedThoughItIsNewerThanTheJar() throws Exception {
        Path app = quarkusApp();
        ClassDataArchive classes = archived(app);
        FileTime archived = Files.getLastModifiedTime(app.resolve("classes.jsa"));

        // Rebuilt while the app ran: the archive it wrote at exit is newer than the jar, but of the jar before.
        Files.write(app.resolve("quarkus-run.jar"), new byte[] { 0 }, java.nio.file.StandardOpenOption.APPEND);
        Files.setLastModifiedTime(app.resolve("quarkus-run.jar"), FileTime.from(archived.toInstant().minusSeconds(10)));

        assertEquals(List.of(), classes.mapOnly());
        assertFalse(Files.exists(app.resolve("classes.jsa")));
    }

    /** The app's archive, once its first run has written it and the launcher kept it. */
    private static ClassDataArchive archived(Path app) throws Exception {
        ClassDataArchive classes = ClassDataArchive.ofApp(app, ClassDataArchiveTest.JAVA);
        assertEquals(0, run(LocalStack.appProcess(ClassDataArchiveTest.JAVA, app, List.of(classes.jvmOption()))));
        classes.keepIfReadable();
        return classes;
    }

    /** A quarkus-app directory as the build leaves it: quarkus-run.jar. */
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
        return app;
    }

    private static int run(ProcessBuilder process) throws Exception {
        return process.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
    }
}
