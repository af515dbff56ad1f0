package io.cairn.worklist.domain;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** The worklist's clock: the system's, in UTC. Escalation takes the time as an argument, so tests need no sleeps. */
public class Clocks {

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
