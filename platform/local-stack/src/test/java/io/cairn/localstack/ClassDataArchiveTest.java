package io.cairn.localstack;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An archive a JVM wrote at exit is mapped on the next start; a truncated one is dropped, never mapped. */
class ClassDataArchiveTest {

    static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    @TempDir
    Path dir;

    @Test
    void theFirstRunWritesTheArchiveAndTheNextMapsIt() throws Exception {
        Path archive = dir.resolve("app.jsa");
        ClassDataArchive classes = new ClassDataArchive(archive, JAVA);
        String write = classes.jvmOption();
        assertEquals("-XX:ArchiveClassesAtExit=" + archive + ".written", write);

        runJava(write);
        classes.keepIfReadable();

        assertTrue(Files.exists(archive));
        assertEquals("-XX:SharedArchiveFile=" + archive, classes.jvmOption());
        assertEquals(0, runJava(classes.jvmOption()));
    }

    @Test
    void aTruncatedArchiveIsDroppedAndTheGoodOneKept() throws Exception {
        Path archive = dir.resolve("app.jsa");
        ClassDataArchive classes = new ClassDataArchive(archive, JAVA);
        runJava(classes.jvmOption());
        classes.keepIfReadable();
        byte[] good = Files.readAllBytes(archive);
        // A JVM killed while it wrote its archive.
        Path written = dir.resolve("app.jsa.written");
        Files.write(written, Arrays.copyOf(good, good.length / 3));

        classes.keepIfReadable();

        assertFalse(Files.exists(written));
        assertArrayEquals(good, Files.readAllBytes(archive));
    }

    private static int runJava(String option) throws Exception {
        return new ProcessBuilder(List.of(JAVA, option, "-version")).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
    }
}
