package io.cairn.kit.consent;

import io.cairn.kit.security.Caller;
import io.cairn.kit.security.Part2Consents;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses every request of an EHR client while this service's consents may be behind intake's
 * ({@link Part2Consents#requireCurrent()}), before any record is looked up: the same 503 for a patient in the
 * program as for one who is not, so the refusal tells nothing. Runs after the role checks, on the request's worker
 * thread.
 */
public class ConsentGate {

    @Inject
    Caller caller;

    @Inject
    Instance<Part2Consents> consents;

    @ServerRequestFilter
    public void requireCurrentConsents() {
        if (consents.isResolvable() && caller.isEhrClient()) {
            consents.get().requireCurrent();
        }
    }
}
