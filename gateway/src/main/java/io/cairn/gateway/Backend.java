package io.cairn.gateway;

import java.net.URI;

/** The services behind the gateway. */
public enum Backend {
    INTAKE,
    TREATMENT_PLAN,
    SCHEDULING,
    AFTERCARE,
    WORKLIST;

    /** How the service names itself: intake, treatment-plan, ... */
    public String service() {
        return name().toLowerCase().replace('_', '-');
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
