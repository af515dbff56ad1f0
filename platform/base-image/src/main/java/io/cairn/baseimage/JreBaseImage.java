package io.cairn.baseimage;

import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.JibContainer;
import com.google.cloud.tools.jib.api.TarImage;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.api.buildplan.FilePermissions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Map;
import java.util.TreeSet;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;

/**
 * Builds the base image of every Cairn app as an image archive, with no Docker daemon and no registry: the build
 * machine's Java 17 cut down by jlink to the modules a Quarkus app uses, the C libraries that runtime links (found with
 * {@code ldd}, as the build machine has them), and a user 185 to run as. No shell and no package manager: nothing in
 * the image but what the JVM loads.
 *
 * <p>
 * Arguments: the archive to write, and a scratch folder for the file system.
 */
public final class JreBaseImage {

    /** The name the app images refer to; Quarkus's Jib reads the archive itself, so the name only labels it. */
    static final String IMAGE = "cairn/jre:17";
    static final String JAVA_HOME = "/opt/java";
    static final String USER = "185";
    /** Fixed times: the same runtime and libraries give the same layers, so rebuilt app images share them. */
    private static final Instant EPOCH = Instant.ofEpochSecond(1);

    /** What a Quarkus app with Hibernate, Kafka, OIDC and OpenTelemetry loads, and the tools to look inside a JVM. */
    private static final String MODULES = String.join(",", "java.base", "java.compiler", "java.datatransfer",
            "java.desktop", "java.instrument", "java.logging", "java.management", "java.management.rmi", "java.naming",
            "java.net.http", "java.prefs", "java.rmi", "java.scripting", "java.security.jgss", "java.security.sasl",
            "java.sql", "java.transaction.xa", "java.xml", "java.xml.crypto", "jdk.crypto.cryptoki", "jdk.crypto.ec",
            "jdk.jcmd", "jdk.jfr", "jdk.localedata", "jdk.management", "jdk.management.agent", "jdk.management.jfr",
            "jdk.naming.dns",
            "jdk.net", "jdk.unsupported", "jdk.zipfs");

    /**
     * The JVM runs headless: the X11 toolkit, splash screen and sound libraries never load, and would pull in X and ALSA
     * libraries (present on some build machines, not others).
     */
    private static final String[] DESKTOP_ONLY = { "libawt_xawt.so", "libjawt.so", "libsplashscreen.so", "libjsound.so" };

    /** The trust store of the build machine, in place of a link to it that jlink leaves on Debian's JDK. */
    private static final Path SYSTEM_TRUST_STORE = Path.of("/etc/ssl/certs/java/cacerts");

    private JreBaseImage() {
    }

    public static void main(String[] args) throws Exception {
        Path archive = Path.of(args[0]);
        Path scratch = Path.of(args[1]);
        deleteRecursively(scratch);
        Path jre = scratch.resolve("jre");
        Path system = scratch.resolve("system");
        jlink(jre);
        Files.createDirectories(system);
        copySharedLibraries(jre, system);
        writeUser(system);

        JibContainer image = Jib.fromScratch()
                .addFileEntriesLayer(layer("system", system, AbsoluteUnixPath.get("/")))
                .addFileEntriesLayer(layer("jre", jre, AbsoluteUnixPath.get(JAVA_HOME)))
                .addFileEntriesLayer(FileEntriesLayer.builder().setName("home")
                        .addEntry(scratch, AbsoluteUnixPath.get("/home/jboss"), FilePermissions.fromOctalString("755"),
                                EPOCH, USER + ":" + USER)
                        .addEntry(scratch, AbsoluteUnixPath.get("/tmp"), FilePermissions.fromOctalString("777"), EPOCH)
                        .build())
                .setEnvironment(Map.of("JAVA_HOME", JAVA_HOME, "PATH", JAVA_HOME + "/bin:/usr/bin:/bin", "LANG",
                        "C.UTF-8"))
                .setUser(USER)
                .setWorkingDirectory(AbsoluteUnixPath.get("/home/jboss"))
                .setCreationTime(EPOCH)
                .containerize(Containerizer.to(TarImage.at(archive).named(IMAGE)));
        System.out.printf("Base image %s written to %s (%s)%n", IMAGE, archive, image.getDigest());
    }

    private static void jlink(Path jre) {
        ToolProvider jlink = ToolProvider.findFirst("jlink")
                .orElseThrow(() -> new IllegalStateException("jlink is missing: build the images with a full JDK"));
        int exit = jlink.run(System.out, System.err, "--add-modules", MODULES, "--strip-debug", "--no-header-files",
                "--no-man-pages", "--compress=2", "--include-locales=en", "--output", jre.toString());
        if (exit != 0) {
            throw new IllegalStateException("jlink failed with exit code " + exit);
        }
        try {
            for (String library : DESKTOP_ONLY) {
                Files.deleteIfExists(jre.resolve("lib").resolve(library));
            }
            if (Files.isReadable(SYSTEM_TRUST_STORE)) {
                Path cacerts = jre.resolve("lib/security/cacerts");
                Files.deleteIfExists(cacerts);
                Files.copy(SYSTEM_TRUST_STORE, cacerts);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Copies every library the runtime's programs and libraries link, and the dynamic loader, to the path {@code ldd}
     * resolves them to. Libraries the headless JVM never loads (the X11 toolkit) are not on the build machine and are
     * left out.
     */
    private static void copySharedLibraries(Path jre, Path system) throws IOException, InterruptedException {
        TreeSet<String> libraries = new TreeSet<>();
        try (Stream<Path> files = Files.walk(jre)) {
            for (Path file : files.filter(Files::isRegularFile).filter(JreBaseImage::isElf).toList()) {
                libraries.addAll(Ldd.dependenciesOf(file, jre.toAbsolutePath().normalize()));
            }
        }
        for (String library : libraries) {
            Path target = system.resolve(library.substring(1));
            Files.createDirectories(target.getParent());
            // The real file under the linked name: the image has no symbolic links to follow.
            Files.copy(Path.of(library).toRealPath(), target, StandardCopyOption.REPLACE_EXISTING);
        }
        System.out.printf("%d shared libraries: %s%n", libraries.size(), libraries);
    }

    private static boolean isElf(Path file) {
        try (var in = Files.newInputStream(file)) {
            byte[] magic = in.readNBytes(4);
            return magic.length == 4 && magic[0] == 0x7f && magic[1] == 'E' && magic[2] == 'L' && magic[3] == 'F';
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The user the apps run as, so that the JVM finds a name and a home for uid 185 (runAsNonRoot needs a number). */
    private static void writeUser(Path system) throws IOException {
        Path etc = Files.createDirectories(system.resolve("etc"));
        Files.writeString(etc.resolve("passwd"), """
                root:x:0:0:root:/root:/sbin/nologin
                jboss:x:185:185:Cairn app:/home/jboss:/sbin/nologin
                """, StandardCharsets.UTF_8);
        Files.writeString(etc.resolve("group"), """
                root:x:0:
                jboss:x:185:
                """, StandardCharsets.UTF_8);
    }

    /** A layer of a folder's files with their own permissions (the JVM's launchers must stay executable). */
    private static FileEntriesLayer layer(String name, Path folder, AbsoluteUnixPath at) throws IOException {
        FileEntriesLayer.Builder layer = FileEntriesLayer.builder().setName(name);
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted().toList()) {
                if (file.equals(folder)) {
                    continue;
                }
                String relative = folder.relativize(file).toString();
                layer.addEntry(file, at.resolve(relative),
                        FilePermissions.fromPosixFilePermissions(Files.getPosixFilePermissions(file)), EPOCH);
            }
        }
        return layer.build();
    }

    private static void deleteRecursively(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(file);
            }
        }
    }
}
