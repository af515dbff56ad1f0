package io.cairn.localstack;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * A small app that runs until told to stop, packaged as the build leaves a Quarkus app: a quarkus-run.jar in a
 * quarkus-app directory. A JVM writes a class-data archive only of classes from jars.
 */
final class HelloApp {

    static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    /** The app: says hello, then runs until its standard input closes. */
    public static final class Hello {
        public static void main(String[] args) throws Exception {
            System.out.println("hello");
            System.out.flush();
            while (System.in.read() != -1) {
                // Runs on.
            }
        }
    }

    private HelloApp() {
    }

    /** A quarkus-app directory in {@code dir} holding the app's quarkus-run.jar. */
    static Path quarkusApp(Path dir) throws Exception {
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

    /** Starts the app and waits until it has said hello: it is ready. */
    static Process start(ProcessBuilder process) throws Exception {
        Process started = process.redirectErrorStream(true).start();
        BufferedReader output = new BufferedReader(
                new InputStreamReader(started.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = output.readLine()) != null && !line.equals("hello")) {
            // The JVM's own warnings come first.
        }
        if (line == null) {
            throw new IllegalStateException("The app exited with " + started.waitFor() + " before it was ready");
        }
        return started;
    }

    /** Stops the app and returns its exit code. */
    static int stop(Process app) throws Exception {
        app.getOutputStream().close();
        if (!app.waitFor(30, TimeUnit.SECONDS)) {
            app.destroyForcibly();
        }
        return app.waitFor();
    }

    /** Runs the app from start to stop and returns its exit code. */
    static int run(ProcessBuilder process) throws Exception {
        return stop(start(process));
    }
}
