package io.cairn.contracts;

import java.util.List;

/** The roles of ARCHITECTURE.md, as they arrive in the token's {@code groups} or {@code realm_access.roles}. */
public final class Roles {

    public static final String INTAKE_COORDINATOR = "intake-coordinator";
    public static final String CLINICIAN = "clinician";
    public static final String SCHEDULER = "scheduler";
    public static final String CASE_MANAGER = "case-manager";
    public static final String PROGRAM_DIRECTOR = "program-director";
    public static final String PATIENT = "patient";
    public static final String EHR_INTEGRATION = "ehr-integration";
    /**
     * Not a person's role: intake's own service account, which reads the record a {@code full-resource} subscription
     * notification is about from the service that keeps it. Intake has checked the EHR's consent and records the
     * disclosure; the service only lets the read through and audits it.
     */
    public static final String SUBSCRIPTION_SENDER = "subscription-sender";

    /** Token claim that carries the patient's own id for the {@code patient} role. */
    public static final String PATIENT_ID_CLAIM = "patient_id";

    public static final List<String> ALL = List.of(INTAKE_COORDINATOR, CLINICIAN, SCHEDULER, CASE_MANAGER,
            PROGRAM_DIRECTOR, PATIENT, EHR_INTEGRATION);

    /** The roles of Cairn's own service accounts, granted to no person. */
    public static final List<String> SERVICE_ACCOUNTS = List.of(SUBSCRIPTION_SENDER);

    private Roles() {
    }
}
