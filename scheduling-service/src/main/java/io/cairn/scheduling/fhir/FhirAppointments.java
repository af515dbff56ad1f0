package io.cairn.scheduling.fhir;

import io.cairn.fhir.Fhir;
import io.cairn.contracts.events.AttendanceStatus;
import io.cairn.fhir.SecurityLabels;
import io.cairn.scheduling.domain.Appointments.Appointment;
import io.cairn.scheduling.domain.BookingStatus;
import io.cairn.scheduling.domain.Session;
import java.util.Date;
import org.hl7.fhir.r4.model.Appointment.AppointmentStatus;
import org.hl7.fhir.r4.model.Appointment.ParticipantRequired;
import org.hl7.fhir.r4.model.Appointment.ParticipationStatus;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Reference;

/**
 * A patient's place in a session as a FHIR {@code Appointment}. Its status says what happened: {@code booked} until
 * attendance is recorded, then {@code fulfilled} (present, late or left early) or {@code noshow} (absent);
 * {@code cancelled} when excused or when the place was given up.
 */
final class FhirAppointments {

    private FhirAppointments() {
    }

    static org.hl7.fhir.r4.model.Appointment toFhir(Appointment appointment) {
        Session session = appointment.session();
        org.hl7.fhir.r4.model.Appointment fhir = new org.hl7.fhir.r4.model.Appointment();
        fhir.setId(appointment.booking().id.toString());
        Fhir.lastUpdated(fhir, appointment.booking().updatedAt, session.updatedAt,
                appointment.attendance().map(attendance -> attendance.updatedAt).orElse(null));
        SecurityLabels.substanceUseInformation(fhir);
        fhir.setStatus(statusOf(appointment))
                .setDescription(session.title)
                .setStart(Date.from(session.startsAt)).setEnd(Date.from(session.endsAt))
                .setMinutesDuration((int) session.minutes())
                .setCreated(Date.from(appointment.booking().bookedAt));
        fhir.addServiceType(new CodeableConcept().setText(Fhir.capitalized(session.kind) + " session"
                + (session.groupType == null ? "" : ": " + Fhir.capitalized(session.groupType))));
        if (session.location != null) {
            fhir.setComment("Location: " + session.location);
        }
        fhir.addParticipant().setActor(new Reference("Patient/" + appointment.booking().patientId))
                .setRequired(ParticipantRequired.REQUIRED).setStatus(ParticipationStatus.ACCEPTED);
        if (session.facilitatorId != null) {
            fhir.addParticipant().setActor(new Reference().setDisplay("Facilitator " + session.facilitatorId))
                    .setRequired(ParticipantRequired.REQUIRED).setStatus(ParticipationStatus.ACCEPTED);
        }
        return fhir;
    }

    static AppointmentStatus statusOf(Appointment appointment) {
        if (appointment.attendance().isPresent()) {
            AttendanceStatus attended = appointment.attendance().get().status;
            return switch (attended) {
                case PRESENT, LATE, LEFT_EARLY -> AppointmentStatus.FULFILLED;
                case ABSENT -> AppointmentStatus.NOSHOW;
                case EXCUSED -> AppointmentStatus.CANCELLED;
            };
        }
        return appointment.booking().status == BookingStatus.BOOKED ? AppointmentStatus.BOOKED
                : AppointmentStatus.CANCELLED;
    }

}
