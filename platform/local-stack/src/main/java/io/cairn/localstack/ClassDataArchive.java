package io.cairn.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The class-data sharing archive of a JVM that loads its classes the same way on every start (Keycloak): written when
 * the JVM exits, mapped when it starts next, so that a warm start skips most class loading. The JVM writes it beside
 * the archive in use; it is kept only once a JVM has read it back, since a truncated archive (a kill while writing)
 * crashes the JVM that maps it.
 */
final class ClassDataArchive {

    private final Path archive;
    private final Path written;
    private final String java;

    ClassDataArchive(Path archive, String java) {
        this.archive = archive;
        this.written = archive.resolveSibling(archive.getFileName() + ".written");
        this.java = java;
    }

    /** The JVM option for the next start: map the archive if there is one, otherwise write it at exit. */
    String jvmOption() throws IOException {
        Files.deleteIfExists(written);
        return Files.exists(archive) ? "-XX:SharedArchiveFile=" + archive : "-XX:ArchiveClassesAtExit=" + written;
    }

    /** After the JVM has exited: keeps the archive it wrote if a JVM can map it, and drops it otherwise. */
    void keepIfReadable() {
        try {
            if (!Files.exists(written)) {
                return;
            }
            Process check = new ProcessBuilder(List.of(java, "-XX:ErrorFile=/dev/null",
                    "-XX:-CreateCoredumpOnCrash", "-XX:SharedArchiveFile=" + written, "-version"))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (check.waitFor() == 0) {
                Files.move(written, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } else {
                Files.deleteIfExists(written);
            }
        } catch (IOException e) {
            System.err.println("The class-data archive " + written + " was not kept: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
