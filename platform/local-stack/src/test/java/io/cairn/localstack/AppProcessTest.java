package io.cairn.localstack;

import static io.cairn.localstack.HelloApp.JAVA;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher runs an app so that its own instance's first run lists the classes it loads, a JVM archives those once
 * the app is ready, and every later start maps them. {@code -Xshare:on} turns an archive the JVM would silently ignore
 * into a failed start.
 */
// A JVM that hangs fails its test instead of the build.
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class AppProcessTest {

    @TempDir
    Path dir;

    @Test
    void anAppsFirstRunListsItsClassesTheyAreArchivedOnceItIsReadyAndTheNextStartMapsThem() throws Exception {
        Path app = HelloApp.quarkusApp(dir);
        ClassDataArchive classes = ClassDataArchive.ofApp(app, JAVA);

        List<String> list = classes.jvmOptions();
        assertEquals(List.of("-XX:DumpLoadedClassList=" + app.resolve("classes.lst.loading")), list);
        Process first = HelloApp.start(LocalStack.appProcess(JAVA, app, list));
        classes.writeOnceReady();
        // A restart while the archive is written neither lists nor writes another.
        assertFalse(String.join(" ", classes.jvmOptions()).contains("DumpLoadedClassList"));
        classes.awaitWritten();

        assertTrue(Files.exists(app.resolve("classes.jsa")));
        assertTrue(Files.readString(app.resolve("classes.lst")).contains(HelloApp.Hello.class.getName().replace('.', '/')));
        assertEquals(0, HelloApp.stop(first));
        List<String> map = classes.jvmOptions();
        assertEquals(List.of("-XX:SharedArchiveFile=" + app.resolve("classes.jsa")), map);
        List<String> required = new ArrayList<>(List.of("-Xshare:on"));
        required.addAll(map);
        assertEquals(0, HelloApp.run(LocalStack.appProcess(JAVA, app, required)));
    }

    @Test
    void aReplicaMapsTheArchiveOnceThereIsOneAndNeverWritesIt() throws Exception {
        Path app = HelloApp.quarkusApp(dir);
        ClassDataArchive classes = ClassDataArchive.ofApp(app, JAVA);
        assertEquals(List.of(), classes.mapOnly());

        archive(classes, app);

        List<String> options = new ArrayList<>(List.of("-Xshare:on"));
        options.addAll(classes.mapOnly());
        assertEquals(2, options.size());
        assertEquals(0, HelloApp.run(LocalStack.appProcess(JAVA, app, options)));
    }

    @Test
    void aRebuiltAppDropsTheArchiveOfItsLastBuildAndWritesAnother() throws Exception {
        Path app = HelloApp.quarkusApp(dir);
        ClassDataArchive classes = ClassDataArchive.ofApp(app, JAVA);
        archive(classes, app);
        assertTrue(Files.exists(app.resolve("classes.jsa")));

        // The next build writes quarkus-run.jar again.
        Files.setLastModifiedTime(app.resolve("quarkus-run.jar"),
                FileTime.from(Files.getLastModifiedTime(app.resolve("classes.jsa")).toInstant().plusSeconds(1)));

        assertEquals(List.of(), classes.mapOnly());
        assertFalse(Files.exists(app.resolve("classes.jsa")));
        assertTrue(String.join(" ", classes.jvmOptions()).contains("DumpLoadedClassList"));
    }

    @Test
    void anArchiveNotWrittenWhenTheStackStopsIsNeverKeptAndTheNextStartListsAgain() throws Exception {
        Path app = HelloApp.quarkusApp(dir);
        ClassDataArchive classes = ClassDataArchive.ofApp(app, JAVA);
        Process first = HelloApp.start(LocalStack.appProcess(JAVA, app, classes.jvmOptions()));
        classes.writeOnceReady();

        classes.abandon();
        classes.awaitWritten();
        HelloApp.stop(first);

        assertFalse(Files.exists(app.resolve("classes.jsa")));
        assertTrue(String.join(" ", classes.jvmOptions()).contains("DumpLoadedClassList"));
    }

    @Test
    void anArchiveTheJvmWouldIgnoreIsDroppedThoughItIsNewerThanTheJar() throws Exception {
        Path app = HelloApp.quarkusApp(dir);
        ClassDataArchive classes = ClassDataArchive.ofApp(app, JAVA);
        archive(classes, app);
        FileTime archived = Files.getLastModifiedTime(app.resolve("classes.jsa"));

        // Rebuilt while the app ran: the archive is newer than the jar, but of the jar before.
        Files.write(app.resolve("quarkus-run.jar"), new byte[] { 0 }, java.nio.file.StandardOpenOption.APPEND);
        Files.setLastModifiedTime(app.resolve("quarkus-run.jar"), FileTime.from(archived.toInstant().minusSeconds(10)));

        assertEquals(List.of(), classes.mapOnly());
        assertFalse(Files.exists(app.resolve("classes.jsa")));
    }

    /** The app's first run, its archive written once it is ready. */
    private static void archive(ClassDataArchive classes, Path app) throws Exception {
        Process first = HelloApp.start(LocalStack.appProcess(JAVA, app, classes.jvmOptions()));
        classes.writeOnceReady();
        classes.awaitWritten();
        assertEquals(0, HelloApp.stop(first));
    }
}
