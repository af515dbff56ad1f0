package io.cairn.billing.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;

/** The diagnoses each patient's claims carry, as a clinician last recorded them. */
@ApplicationScoped
public class Diagnoses {

    @Transactional
    public PatientDiagnoses record(UUID patientId, List<String> codes, String by) {
        PatientDiagnoses diagnoses = PatientDiagnoses.findById(patientId);
        if (diagnoses == null) {
            diagnoses = new PatientDiagnoses();
            diagnoses.patientId = patientId;
        }
        diagnoses.codes = List.copyOf(codes);
        diagnoses.recordedBy = by;
        diagnoses.persist();
        return diagnoses;
    }

    /** The patient's codes, the principal first; none when no clinician recorded any. */
    @Transactional
    public List<String> of(UUID patientId) {
        PatientDiagnoses diagnoses = PatientDiagnoses.findById(patientId);
        return diagnoses == null ? List.of() : diagnoses.codes;
    }
}
