package io.cairn.scheduling.fhir;

import io.cairn.contracts.events.RecordCategory;
import io.cairn.fhir.bulk.BulkExportSource;
import io.cairn.scheduling.domain.Appointments;
import io.cairn.scheduling.domain.Appointments.Appointment;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.UUID;

/**
 * Schedules for a Bulk Data export: each booking as an Appointment and, once attended, as an Encounter (attendance).
 * An appointment changed when its booking, session or attendance did, which the export tells by its
 * {@code meta.lastUpdated}.
 */
@ApplicationScoped
public class FhirScheduleExport implements BulkExportSource {

    private final Appointments appointments;

    FhirScheduleExport(Appointments appointments) {
        this.appointments = appointments;
    }

    @Override
    public Set<String> exportedTypes() {
        return Set.of("Appointment", "Encounter");
    }

    @Override
    public Stream<Exported> export(Set<String> types, Instant since) {
        List<Exported> exported = new ArrayList<>();
        // One encounter per attendance, with its latest booking (a session booked again after a cancellation).
        Map<UUID, Exported> encounters = new LinkedHashMap<>();
        for (Appointment appointment : appointments.everyPatients()) {
            if (types.contains("Appointment")) {
                exported.add(new Exported(appointment.booking().patientId, RecordCategory.ATTENDANCE,
                        FhirAppointments.toFhir(appointment)));
            }
            if (types.contains("Encounter") && FhirEncounters.isEncounter(appointment)) {
                encounters.put(appointment.attendance().orElseThrow().id, new Exported(
                        appointment.booking().patientId, RecordCategory.ATTENDANCE, FhirEncounters.toFhir(appointment)));
            }
        }
        exported.addAll(encounters.values());
        // Held at once: an encounter is told from the latest of its bookings only when all were seen.
        return exported.stream();
    }
}
