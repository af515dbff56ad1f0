package io.cairn.kit.security;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.cairn.kit.audit.Disclosures;
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
import java.util.Optional;
import java.util.function.Function;

/**
 * Decides whether the caller may see one patient's data, and writes the audit record either way. Staff roles see
 * what their role covers; a patient sees only their own records; an EHR client sees a patient's records only while a
 * Part 2 consent names it, and each such read is a disclosure. Intake's subscription sender reads the records it
 * notifies about (the few reads that allow its role): intake checked the consent and accounts for the disclosure.
 * Anything else is answered as if the record did not exist.
 */
@ApplicationScoped
public class PatientAccess {

    public static final String DISCLOSE = "disclose";

    private final Caller caller;
    private final AuditLog audit;
    private final Instance<Part2Consents> consents;
    private final Disclosures disclosures;

    PatientAccess(Caller caller, AuditLog audit, Instance<Part2Consents> consents, Disclosures disclosures) {
        this.caller = caller;
        this.audit = audit;
        this.consents = consents;
        this.disclosures = disclosures;
    }

    /** Whether the caller may read this patient's records of a category (no audit record: for filtering lists). */
    public boolean mayRead(UUID patientId, RecordCategory category) {
        if (caller.isStaff() || caller.hasRole(Roles.SUBSCRIPTION_SENDER)) {
            return true;
        }
        if (caller.hasRole(Roles.PATIENT)) {
            return caller.ownPatientId().map(patientId::equals).orElse(false);
        }
        if (caller.hasRole(Roles.EHR_INTEGRATION)) {
            return consentFor(patientId, category).isPresent();
        }
        return false;
    }

    /**
     * Lets a search of the patient's records of a category through and audits the search itself, which is no read
     * of a record: the search records those it answers ({@link #readAll}), so one that answers none discloses
     * nothing.
     *
     * @throws ResourceNotFoundException when the caller may not see the patient's records (the refusal is audited)
     */
    public void search(RecordCategory category, UUID patientId) {
        if (!mayRead(patientId, category)) {
            throw refused("search", "patient", patientId, patientId);
        }
        audit.record(new AuditEntry("search", "patient", patientId.toString(), patientId, AuditOutcome.SUCCESS));
    }

    /**
     * Whether an answer about a record the caller may read can carry the patient's records of another category too
     * (a field that belongs to that category). For an EHR client it can while a consent for that category names it,
     * and then that is a disclosure under it as well; intake's subscription sender never (intake checked the consent
     * for the record's own category alone). Refusing is no refusal of the record: nothing is audited for it.
     */
    public boolean releases(RecordCategory category, String resourceType, Object resourceId, UUID patientId) {
        if (!caller.isStaff() && caller.hasRole(Roles.SUBSCRIPTION_SENDER)) {
            return false;
        }
        if (!isDisclosure()) {
            return mayRead(patientId, category);
        }
        if (consentFor(patientId, category).isEmpty()) {
            return false;
        }
        read(category, resourceType, resourceId, patientId);
        return true;
    }

    /** The consent that lets the caller, an EHR client, have the patient's records of a category. */
    private Optional<UUID> consentFor(UUID patientId, RecordCategory category) {
        return caller.clientId().filter(client -> consents.isResolvable())
                .flatMap(client -> consents.get().consentFor(patientId, client, category));
    }

    /**
     * Lets the read through and audits it, or audits the refusal and answers 404.
     *
     * @throws ResourceNotFoundException when the caller may not see the patient's records
     */
    public void read(RecordCategory category, String resourceType, Object resourceId, UUID patientId) {
        readAll(category, resourceType, List.of(resourceId), id -> id, id -> patientId);
    }

    /**
     * {@link #read} for each row of one window of a list, audited in one statement: a list records the rows it answers
     * and no others.
     *
     * @throws ResourceNotFoundException when the caller may not see a row's patient (that refusal alone is kept)
     */
    public <T> void readAll(RecordCategory category, String resourceType, List<T> rows,
            Function<? super T, ?> resourceId, Function<? super T, UUID> patientId) {
        if (isDisclosure() && consents.isResolvable()) {
            // Even an empty window: the EHR must not take "none" for an answer the service cannot give.
            consents.get().requireCurrent();
        }
        List<AuditEntry> reads = new ArrayList<>(rows.size());
        List<Runnable> disclosed = new ArrayList<>();
        for (T row : rows) {
            String id = String.valueOf(resourceId.apply(row));
            UUID patient = patientId.apply(row);
            if (isDisclosure()) {
                UUID consent = consentFor(patient, category).orElseThrow(() -> refused(resourceType, id, patient));
                disclosed.add(() -> disclosures.recorded(category, resourceType, id, patient, consent));
            } else if (!mayRead(patient, category)) {
                throw refused(resourceType, id, patient);
            }
            reads.add(new AuditEntry(action(), resourceType, id, patient, AuditOutcome.SUCCESS));
        }
        if (disclosed.isEmpty()) {
            audit.recordAll(reads);
            return;
        }
        // A disclosure's audit record and its event for the accounting commit together, or neither does.
        Runnable record = () -> {
            audit.recordAll(reads);
            disclosed.forEach(Runnable::run);
        };
        if (QuarkusTransaction.isActive()) {
            record.run();
        } else {
            QuarkusTransaction.requiringNew().run(record);
        }
    }

    /** Audits a change the caller made to the patient's data. */
    public void wrote(String action, String resourceType, Object resourceId, UUID patientId) {
        audit.record(new AuditEntry(action, resourceType, String.valueOf(resourceId), patientId, AuditOutcome.SUCCESS));
    }

    /** Audits a refused read; the caller throws the 404 it answers with. */
    private ResourceNotFoundException refused(String resourceType, Object resourceId, UUID patientId) {
        return refused("read", resourceType, resourceId, patientId);
    }

    /**
     * Audits a refused action on the patient's records and returns the 404 to answer with, in the words of a record
     * that does not exist (the refusal's audit record is kept).
     */
    public ResourceNotFoundException refused(String action, String resourceType, Object resourceId, UUID patientId) {
        audit.record(new AuditEntry(action, resourceType, String.valueOf(resourceId), patientId, AuditOutcome.DENIED));
        return new ResourceNotFoundException(resourceType, resourceId);
    }

    private String action() {
        return isDisclosure() ? DISCLOSE : "read";
    }

    private boolean isDisclosure() {
        return caller.isEhrClient();
    }
}
