package io.cairn.kit.api;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** The system's clock, in UTC: the time every service runs on unless it (or a test) produces a {@link Clock} of its own. */
public class SystemClock {

    @Produces
    @DefaultBean
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
