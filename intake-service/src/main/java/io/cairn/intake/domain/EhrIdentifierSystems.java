package io.cairn.intake.domain;

import io.cairn.contracts.Roles;
import io.cairn.kit.problem.ProblemException;
import io.cairn.kit.security.Caller;
import io.smallrye.config.ConfigMapping;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which identifier system each EHR client registers and looks up patients in: its own medical record numbers only.
 * An EHR asking about another system's identifier would learn, from a match or a conflict, that a person is in the
 * program without their consent; it gets a 403 that says nothing about any patient. Staff use any system.
 */
@ApplicationScoped
public class EhrIdentifierSystems {

    /** {@code intake.ehr-identifier-systems=ehr-northside=urn:ehr:northside:mrn,ehr-demo=urn:ehr:demo:mrn}. */
    @ConfigMapping(prefix = "intake")
    public interface Config {

        /** Pairs of client id and identifier system, {@code client=system}; several clients may share a system. */
        Optional<List<String>> ehrIdentifierSystems();
    }

    private final Map<String, String> systems = new HashMap<>();
    private final Caller caller;

    EhrIdentifierSystems(Config config, Caller caller) {
        this.caller = caller;
        for (String pair : config.ehrIdentifierSystems().orElse(List.of())) {
            int equals = pair.indexOf('=');
            if (equals <= 0 || equals == pair.length() - 1) {
                throw new IllegalArgumentException("intake.ehr-identifier-systems takes client=system pairs, not "
                        + pair);
            }
            systems.put(pair.substring(0, equals).strip(), pair.substring(equals + 1).strip());
        }
    }

    /**
     * Whether the caller, an EHR client, knows this patient by its own identifier system: it registered them, or its
     * organisation (the clients sharing its system) did. Always true for anyone else.
     */
    public boolean callerKnows(Patient patient) {
        if (!isEhrClient()) {
            return true;
        }
        String own = systems.get(caller.clientId().orElse(""));
        return own != null && patient.identifiers.stream().anyMatch(identifier -> own.equals(identifier.system()));
    }

    private boolean isEhrClient() {
        return !caller.isStaff() && caller.hasRole(Roles.EHR_INTEGRATION);
    }

    /**
     * Lets an EHR client use an identifier of {@code system} only if it is its own.
     *
     * @throws ProblemException 403 otherwise
     */
    public void requireOwn(String system) {
        if (!isEhrClient()) {
            return;
        }
        String client = caller.clientId().orElse("");
        String own = systems.get(client);
        if (own == null) {
            throw new ProblemException(403, "identifier-system-not-yours", "Forbidden", "EHR client " + client
                    + " has no identifier system configured here (intake.ehr-identifier-systems): it may not "
                    + "register or look up patients");
        }
        if (!own.equals(system)) {
            throw new ProblemException(403, "identifier-system-not-yours", "Forbidden", "EHR client " + client
                    + " registers and looks up patients by identifiers of its own system, " + own + ", only");
        }
    }
}
