package io.cairn.intake.fhir;

import io.cairn.contracts.events.RecordCategory;
import io.cairn.fhir.bulk.BulkExportSource;
import io.cairn.intake.domain.Patient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Set;
import java.util.stream.Stream;

/** Patients for a Bulk Data export (demographics). */
@ApplicationScoped
public class FhirPatientExport implements BulkExportSource {

    @Override
    public Set<String> exportedTypes() {
        return Set.of("Patient");
    }

    @Override
    public Stream<Exported> export(Set<String> types, Instant since) {
        Stream<Patient> patients = BulkExportSource.changedSince(Patient.class, since);
        return patients.map(patient -> new Exported(patient.id, RecordCategory.DEMOGRAPHICS,
                FhirPatients.toFhir(patient)));
    }
}
