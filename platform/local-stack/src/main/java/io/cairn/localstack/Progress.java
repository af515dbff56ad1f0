package io.cairn.localstack;

import java.time.Duration;
import java.time.Instant;

/** What the launcher tells the person waiting: which part is starting and how long it took. */
final class Progress {

    private Progress() {
    }

    static <T> T step(String part, java.util.concurrent.Callable<T> start) throws Exception {
        Instant began = Instant.now();
        System.out.printf("  %-22s starting...%n", part);
        T result = start.call();
        System.out.printf("  %-22s ready in %.1f s%n", part, Duration.between(began, Instant.now()).toMillis() / 1000.0);
        return result;
    }

    static void say(String line) {
        System.out.println(line);
    }
}
