package io.cairn.intake.fhir;

import io.cairn.contracts.events.RecordCategory;
import io.cairn.fhir.bulk.BulkExportSource;
import io.cairn.intake.domain.Patient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** Patients for a Bulk Data export (demographics). */
@ApplicationScoped
public class FhirPatientExport implements BulkExportSource {

    @Override
    public Set<String> exportedTypes() {
        return Set.of("Patient");
    }

    @Override
    public List<Exported> export(Set<String> types, Instant since) {
        List<Patient> patients = since == null ? Patient.listAll() : Patient.list("updatedAt > ?1", since);
        return patients.stream().map(patient -> new Exported(patient.id, RecordCategory.DEMOGRAPHICS,
                (org.hl7.fhir.r4.model.Resource) FhirPatients.toFhir(patient))).toList();
    }
}
