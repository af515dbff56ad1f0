package io.cairn.baseimage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The shared libraries a program or library links, as the build machine's dynamic loader resolves them. */
final class Ldd {

    /** {@code libz.so.1 => /lib/x86_64-linux-gnu/libz.so.1 (0x...)} or the loader's own line. */
    private static final Pattern RESOLVED = Pattern.compile("(?:=>\\s+)?(/\\S+)\\s+\\(0x[0-9a-f]+\\)");

    private Ldd() {
    }

    /** The libraries the file links from outside {@code own}, the folder of the runtime it belongs to. */
    static List<String> dependenciesOf(Path file, Path own) throws IOException, InterruptedException {
        Process ldd = new ProcessBuilder("ldd", file.toString()).redirectErrorStream(true).start();
        String output = new String(ldd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        ldd.waitFor();
        List<String> libraries = new ArrayList<>();
        for (String line : output.lines().toList()) {
            Matcher resolved = RESOLVED.matcher(line.trim());
            if (resolved.find() && !Path.of(resolved.group(1)).normalize().startsWith(own)) {
                libraries.add(resolved.group(1));
            }
        }
        return libraries;
    }
}
