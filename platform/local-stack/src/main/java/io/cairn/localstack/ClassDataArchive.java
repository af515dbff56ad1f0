package io.cairn.localstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The class-data sharing archive of a JVM that loads its classes the same way on every start, mapped on every start
 * after the first so that a warm start skips most class loading. It is kept only once a JVM has read it back, since a
 * truncated archive (a kill while writing) crashes the JVM that maps it, and an app's archive older than its jar is
 * dropped: the JVM would ignore it.
 * <p>
 * Two ways to write it. Keycloak, whose classes come from its own class loader, writes it when it exits. A Cairn app
 * (an aot-jar: the JDK's class loader loads every class) lists the classes it loads; once it is ready, a JVM of its own
 * archives those in the background, at the lowest priority and one app at a time. Measured on two cores, an app that
 * records an archive to write at exit started twice as slowly (18-22 s against 10 s for the intake service), ran so for
 * its whole life and spent 35 s writing it when it stopped; the archive then held all it had loaded, which cost 20-40 MB
 * of memory in each later start. Its list costs the first start nothing, and the archive holds what a start loads.
 */
final class ClassDataArchive {

    /** One archive written at a time: each takes about 35 s of a core and 800 MB while it runs. */
    private static final ExecutorService WRITER = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "class-data-archive");
        thread.setDaemon(true);
        return thread;
    });

    private final Path archive;
    private final Path written;
    private final Path madeFrom;
    private final Path classList;
    private final String java;
    /**
     * The archive and jar (times, jar size) last found mappable together: until either changes, a start need not start
     * a JVM to try the archive again.
     */
    private String mappableAsOf;
    /** Whether the last start lists its classes for {@link #writeOnceReady}: there was no archive to map. */
    private boolean listing;
    private Future<?> writing;
    private Process writer;
    private boolean abandoned;

    /** An archive the JVM writes when it exits. */
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
        this.classList = madeFrom == null ? null : archive.resolveSibling("classes.lst");
        this.java = java;
    }

    /**
     * The JVM options for the next start: map the archive if there is one; otherwise write it at exit, or for an app
     * list the classes it loads (unless its archive is being written from an earlier list).
     */
    synchronized List<String> jvmOptions() throws IOException {
        listing = false;
        if (current()) {
            return List.of("-XX:SharedArchiveFile=" + archive);
        }
        if (classList == null) {
            Files.deleteIfExists(written);
            return List.of("-XX:ArchiveClassesAtExit=" + written);
        }
        if (writing != null && !writing.isDone()) {
            return List.of();
        }
        listing = true;
        return List.of("-XX:DumpLoadedClassList=" + loading());
    }

    /** For a second JVM beside the one that writes it (a replica): the archive if there is one, nothing otherwise. */
    synchronized List<String> mapOnly() throws IOException {
        return current() ? List.of("-XX:SharedArchiveFile=" + archive) : List.of();
    }

    /**
     * Once the app started with {@link #jvmOptions} is ready: archives the classes it has loaded so far, in the
     * background, and keeps the archive if a JVM can map it. Does nothing if that start mapped an archive.
     */
    synchronized void writeOnceReady() {
        if (!listing) {
            return;
        }
        listing = false;
        try {
            // The list as it stands: whole lines only, since the app may be writing one.
            String loaded = Files.readString(loading(), StandardCharsets.UTF_8);
            Files.writeString(classList, loaded.substring(0, loaded.lastIndexOf('\n') + 1), StandardCharsets.UTF_8);
            Files.deleteIfExists(written);
        } catch (IOException e) {
            // The app runs on without an archive; its next start lists its classes again.
            System.err.println("The class-data archive " + archive + " was not written: " + e.getMessage());
            return;
        }
        writing = WRITER.submit(this::write);
    }

    private void write() {
        try {
            Process dump;
            synchronized (this) {
                if (abandoned) {
                    return;
                }
                List<String> command = new ArrayList<>(List.of(java, "-Xshare:dump", "-XX:SharedClassListFile="
                        + classList, "-XX:SharedArchiveFile=" + written, "-Xlog:cds=error", "-Xlog:gc*=error", "-cp",
                        madeFrom.toString()));
                // At the lowest priority where there is nice: the apps running beside it come first.
                if (Files.isExecutable(Path.of("/usr/bin/nice"))) {
                    command.addAll(0, List.of("/usr/bin/nice", "-n", "19"));
                }
                dump = new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                writer = dump;
            }
            if (dump.waitFor() == 0) {
                keepIfReadable();
            } else {
                Files.deleteIfExists(written);
            }
        } catch (IOException e) {
            System.err.println("The class-data archive " + written + " was not written: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops writing the archive, if it is being written: the stack is stopping. */
    synchronized void abandon() {
        abandoned = true;
        if (writer != null) {
            writer.destroyForcibly();
        }
    }

    /** Waits until the archive listed by the last start is written (or found unwritable). */
    void awaitWritten() throws Exception {
        Future<?> pending;
        synchronized (this) {
            pending = writing;
        }
        if (pending != null) {
            pending.get();
        }
    }

    private Path loading() {
        return classList.resolveSibling("classes.lst.loading");
    }

    private boolean current() throws IOException {
        if (madeFrom == null || !Files.exists(archive)) {
            return Files.exists(archive);
        }
        String asOf = state();
        if (Files.getLastModifiedTime(archive).compareTo(Files.getLastModifiedTime(madeFrom)) < 0
                || !asOf.equals(mappableAsOf) && !mappable(archive)) {
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

    /** Keeps the archive a JVM wrote if a JVM can map it, and drops it otherwise. */
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
