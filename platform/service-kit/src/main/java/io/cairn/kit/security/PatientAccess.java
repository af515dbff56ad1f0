package io.cairn.kit.security;

import io.cairn.contracts.Roles;
import io.cairn.contracts.events.RecordCategory;
import io.cairn.kit.audit.AuditEntry;
import io.cairn.kit.audit.AuditLog;
import io.cairn.kit.audit.AuditOutcome;
import io.cairn.kit.problem.ResourceNotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * Decides whether the caller may see one patient's data, and writes the audit record either way. Staff roles see
 * what their role covers; a patient sees only their own records; an EHR client sees a patient's records only while a
 * Part 2 consent names it, and each such read is a disclosure. Anything else is answered as if the record did not
 * exist.
 */
@ApplicationScoped
public class PatientAccess {

    public static final String DISCLOSE = "disclose";

    private final Caller caller;
    private final AuditLog audit;
    private final Instance<Part2Consents> consents;

    PatientAccess(Caller caller, AuditLog audit, Instance<Part2Consents> consents) {
        this.caller = caller;
        this.audit = audit;
        this.consents = consents;
    }

    /** Whether the caller may read this patient's records of a category (no audit record: for filtering lists). */
    public boolean mayRead(UUID patientId, RecordCategory category) {
        if (caller.isStaff()) {
            return true;
        }
        if (caller.hasRole(Roles.PATIENT)) {
            return caller.ownPatientId().map(patientId::equals).orElse(false);
        }
        if (caller.hasRole(Roles.EHR_INTEGRATION)) {
            return caller.clientId().filter(client -> consents.isResolvable()
                    && consents.get().allowsDisclosure(patientId, client, category)).isPresent();
        }
        return false;
    }

    /**
     * Lets the read through and audits it, or audits the refusal and answers 404.
     *
     * @throws ResourceNotFoundException when the caller may not see the patient's records
     */
    public void read(RecordCategory category, String resourceType, Object resourceId, UUID patientId) {
        if (!mayRead(patientId, category)) {
            throw refused(resourceType, resourceId, patientId);
        }
        audit.record(new AuditEntry(action(), resourceType, String.valueOf(resourceId), patientId,
                AuditOutcome.SUCCESS));
    }

    /**
     * {@link #read} for each row of one window of a list, audited in one statement: a list records the rows it answers
     * and no others.
     *
     * @throws ResourceNotFoundException when the caller may not see a row's patient (that refusal alone is kept)
     */
    public <T> void readAll(RecordCategory category, String resourceType, List<T> rows,
            Function<? super T, ?> resourceId, Function<? super T, UUID> patientId) {
        List<AuditEntry> reads = new ArrayList<>(rows.size());
        for (T row : rows) {
            Object id = resourceId.apply(row);
            UUID patient = patientId.apply(row);
            if (!mayRead(patient, category)) {
                throw refused(resourceType, id, patient);
            }
            reads.add(new AuditEntry(action(), resourceType, String.valueOf(id), patient, AuditOutcome.SUCCESS));
        }
        audit.recordAll(reads);
    }

    /** Audits a change the caller made to the patient's data. */
    public void wrote(String action, String resourceType, Object resourceId, UUID patientId) {
        audit.record(new AuditEntry(action, resourceType, String.valueOf(resourceId), patientId, AuditOutcome.SUCCESS));
    }

    /** Audits a refused read; the caller throws the 404 it answers with. */
    private ResourceNotFoundException refused(String resourceType, Object resourceId, UUID patientId) {
        audit.record(new AuditEntry("read", resourceType, String.valueOf(resourceId), patientId, AuditOutcome.DENIED));
        return new ResourceNotFoundException(resourceType, resourceId);
    }

    private String action() {
        return isDisclosure() ? DISCLOSE : "read";
    }

    private boolean isDisclosure() {
        return !caller.isStaff() && caller.hasRole(Roles.EHR_INTEGRATION);
    }
}
