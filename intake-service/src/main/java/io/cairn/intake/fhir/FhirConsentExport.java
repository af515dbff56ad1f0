package io.cairn.intake.fhir;

import io.cairn.contracts.events.RecordCategory;
import io.cairn.fhir.bulk.BulkExportSource;
import io.cairn.intake.domain.Consent;
import io.cairn.kit.api.ClinicCalendar;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Part 2 consents for a Bulk Data export: staff only, as their FHIR reads are (the EHRs a consent names do not read
 * the consent itself).
 */
@ApplicationScoped
public class FhirConsentExport implements BulkExportSource {

    private final ClinicCalendar calendar;

    FhirConsentExport(ClinicCalendar calendar) {
        this.calendar = calendar;
    }

    @Override
    public Set<String> exportedTypes() {
        return Set.of("Consent");
    }

    @Override
    public Set<String> staffOnlyTypes() {
        return exportedTypes();
    }

    @Override
    public Stream<Exported> export(Set<String> types, Instant since) {
        LocalDate today = calendar.today();
        Stream<Consent> consents = BulkExportSource.changedSince(Consent.class, since);
        return consents.map(consent -> new Exported(consent.patientId, RecordCategory.DEMOGRAPHICS,
                FhirConsents.toFhir(consent, today)));
    }
}
