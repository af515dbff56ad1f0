package io.cairn.localstack;

import static io.cairn.localstack.HelloApp.JAVA;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Keycloak's archive, written when it exits, is mapped on the next start; a truncated one is dropped, never mapped. */
// A JVM that hangs fails its test instead of the build.
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ClassDataArchiveTest {

    @TempDir
    Path dir;

    @Test
    void theFirstRunWritesTheArchiveAtExitAndTheNextMapsIt() throws Exception {
        Path app = HelloApp.quarkusApp(dir);
        Path archive = dir.resolve("keycloak.jsa");
        ClassDataArchive classes = new ClassDataArchive(archive, JAVA);
        List<String> write = classes.jvmOptions();
        assertEquals(List.of("-XX:ArchiveClassesAtExit=" + archive + ".written"), write);

        assertEquals(0, HelloApp.run(LocalStack.appProcess(JAVA, app, write)));
        classes.keepIfReadable();

        assertTrue(Files.exists(archive));
        List<String> map = classes.jvmOptions();
        assertEquals(List.of("-XX:SharedArchiveFile=" + archive), map);
        assertEquals(0, HelloApp.run(LocalStack.appProcess(JAVA, app, map)));
    }

    @Test
    void aTruncatedArchiveIsDroppedAndTheGoodOneKept() throws Exception {
        Path app = HelloApp.quarkusApp(dir);
        Path archive = dir.resolve("keycloak.jsa");
        ClassDataArchive classes = new ClassDataArchive(archive, JAVA);
        HelloApp.run(LocalStack.appProcess(JAVA, app, classes.jvmOptions()));
        classes.keepIfReadable();
        byte[] good = Files.readAllBytes(archive);
        // A JVM killed while it wrote its archive.
        Path written = dir.resolve("keycloak.jsa.written");
        Files.write(written, Arrays.copyOf(good, good.length / 3));

        classes.keepIfReadable();

        assertFalse(Files.exists(written));
        assertArrayEquals(good, Files.readAllBytes(archive));
    }
}
