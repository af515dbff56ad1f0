package io.cairn.gateway;

import java.net.URI;

/** The services behind the gateway. */
public enum Backend {
    INTAKE,
    TREATMENT_PLAN,
    SCHEDULING,
    AFTERCARE,
    WORKLIST;

    /** Whether the service has FHIR views (its own {@code /fhir/r4/metadata}); the worklist has none yet. */
    public boolean servesFhir() {
        return this != WORKLIST;
    }

    public URI address(GatewayConfig config) {
        return switch (this) {
            case INTAKE -> config.backends().intake();
            case TREATMENT_PLAN -> config.backends().treatmentPlan();
            case SCHEDULING -> config.backends().scheduling();
            case AFTERCARE -> config.backends().aftercare();
            case WORKLIST -> config.backends().worklist();
        };
    }
}
