package io.cairn.scheduling.fhir;

import io.cairn.fhir.Fhir;
import io.cairn.contracts.events.AttendanceStatus;
import io.cairn.fhir.SecurityLabels;
import io.cairn.scheduling.domain.Appointments.Appointment;
import io.cairn.scheduling.domain.Attendance;
import io.cairn.scheduling.domain.Session;
import java.util.Date;
import java.util.Set;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Duration;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Encounter.EncounterStatus;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;

/**
 * A session the patient attended as a FHIR {@code Encounter}: finished, ambulatory, the minutes they were there, and
 * the appointment it fulfilled. A session they missed is only a {@code noshow} appointment, not an encounter.
 */
final class FhirEncounters {

    static final Set<AttendanceStatus> ATTENDED = Set.of(AttendanceStatus.PRESENT, AttendanceStatus.LATE,
            AttendanceStatus.LEFT_EARLY);

    private FhirEncounters() {
    }

    static boolean isEncounter(Appointment appointment) {
        return appointment.attendance().map(a -> ATTENDED.contains(a.status)).orElse(false);
    }

    static Encounter toFhir(Appointment appointment) {
        Session session = appointment.session();
        Attendance attendance = appointment.attendance().orElseThrow();
        Encounter fhir = new Encounter();
        fhir.setId(attendance.id.toString());
        Fhir.lastUpdated(fhir, attendance.updatedAt, session.updatedAt);
        SecurityLabels.substanceUseInformation(fhir);
        fhir.setStatus(EncounterStatus.FINISHED)
                .setClass_(new Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "AMB", "ambulatory"))
                .setSubject(new Reference("Patient/" + attendance.patientId))
                .setPeriod(new Period().setStart(Date.from(session.startsAt)).setEnd(Date.from(session.endsAt)))
                .setLength((Duration) new Duration().setValue(attendance.minutesAttended).setUnit("min")
                        .setSystem("http://unitsofmeasure.org").setCode("min"));
        fhir.addType(new CodeableConcept().setText(session.title));
        fhir.addAppointment(new Reference("Appointment/" + appointment.booking().id));
        if (session.facilitatorId != null) {
            fhir.addParticipant().setIndividual(new Reference().setDisplay("Facilitator " + session.facilitatorId));
        }
        return fhir;
    }
}
