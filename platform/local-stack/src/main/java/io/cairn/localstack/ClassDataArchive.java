package io.cairn.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The class-data sharing archive of a JVM that loads its classes the same way on every start (Keycloak, and each
 * Cairn app, packaged as an aot-jar so that the JDK's own class loader loads every class): written when the JVM exits,
 * mapped when it starts next, so that a warm start skips most class loading. The JVM writes it beside the archive in
 * use; it is kept only once a JVM has read it back, since a truncated archive (a kill while writing) crashes the JVM
 * that maps it. An archive older than the jar it was made from is dropped: the JVM would ignore it.
 */
final class ClassDataArchive {

    private final Path archive;
    private final Path written;
    private final Path madeFrom;
    private final String java;
    /**
     * The archive and jar (times, jar size) last found mappable together: until either changes, a start need not start
     * a JVM to try the archive again.
     */
    private String mappableAsOf;

    ClassDataArchive(Path archive, String java) {
        this(archive, null, java);
    }

    /**
     * The archive of a Quarkus app, beside its quarkus-run.jar. Its next build makes it stale, and so does another JDK
     * or jars changed under a running app: the JVM would quietly ignore it, so it is checked before each use.
     */
    static ClassDataArchive ofApp(Path quarkusApp, String java) {
        return new ClassDataArchive(quarkusApp.resolve("classes.jsa"), quarkusApp.resolve("quarkus-run.jar"), java);
    }

    private ClassDataArchive(Path archive, Path madeFrom, String java) {
        this.archive = archive;
        this.written = archive.resolveSibling(archive.getFileName() + ".written");
        this.madeFrom = madeFrom;
        this.java = java;
    }

    /** The JVM option for the next start: map the archive if there is one, otherwise write it at exit. */
    synchronized String jvmOption() throws IOException {
        Files.deleteIfExists(written);
        return current() ? "-XX:SharedArchiveFile=" + archive : "-XX:ArchiveClassesAtExit=" + written;
    }

    /** For a second JVM beside the one that writes it (a replica): the archive if there is one, nothing otherwise. */
    synchronized List<String> mapOnly() throws IOException {
        return current() ? List.of("-XX:SharedArchiveFile=" + archive) : List.of();
    }

    private boolean current() throws IOException {
        if (madeFrom == null || !Files.exists(archive)) {
            return Files.exists(archive);
        }
        FileTime made = Files.getLastModifiedTime(archive);
        String asOf = state();
        if (made.compareTo(Files.getLastModifiedTime(madeFrom)) < 0 || !asOf.equals(mappableAsOf) && !mappable(archive)) {
            Files.delete(archive);
            return false;
        }
        mappableAsOf = asOf;
        return true;
    }

    private String state() throws IOException {
        return Files.getLastModifiedTime(archive) + " " + Files.getLastModifiedTime(madeFrom) + " " + Files.size(madeFrom);
    }

    /**
     * Whether a JVM maps the archive: one that crashes on it (truncated) or refuses it exits with an error. An app's
     * archive is tried with the app's class path and sharing required, so that one the JVM would quietly ignore (its
     * jars or JDK changed since) fails too; Keycloak's class path is its own script's, so its archive is only read.
     */
    private boolean mappable(Path candidate) throws IOException {
        List<String> command = new ArrayList<>(List.of(java, "-XX:ErrorFile=/dev/null", "-XX:-CreateCoredumpOnCrash",
                "-XX:SharedArchiveFile=" + candidate));
        if (madeFrom != null) {
            command.addAll(List.of("-Xshare:on", "-cp", madeFrom.toString()));
        }
        command.add("-version");
        try {
            return new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor() == 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** After the JVM has exited: keeps the archive it wrote if a JVM can map it, and drops it otherwise. */
    synchronized void keepIfReadable() {
        try {
            if (!Files.exists(written)) {
                return;
            }
            if (mappable(written)) {
                Files.move(written, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                mappableAsOf = madeFrom == null ? null : state();
            } else {
                Files.deleteIfExists(written);
            }
        } catch (IOException e) {
            System.err.println("The class-data archive " + written + " was not kept: " + e.getMessage());
        }
    }
}
