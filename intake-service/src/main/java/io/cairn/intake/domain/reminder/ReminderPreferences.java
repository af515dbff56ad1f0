package io.cairn.intake.domain.reminder;

import io.cairn.contracts.events.RecordCategory;
import io.cairn.intake.api.ReminderPreferencesRequest;
import io.cairn.intake.domain.Patient;
import io.cairn.intake.domain.Patients;
import io.cairn.kit.api.ClinicCalendar;
import io.cairn.kit.problem.ConflictException;
import io.cairn.kit.problem.InvalidRequestException;
import io.cairn.kit.security.PatientAccess;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;

/**
 * Each patient's choice of how to be reminded. The patient sets their own; intake coordinators and case managers set
 * them with the patient. A patient who chose nothing is reminded by the clinic's default channel, in the clinic's
 * time zone, with no quiet hours.
 */
@ApplicationScoped
public class ReminderPreferences {

    static final String RESOURCE = "reminder-preferences";

    private final Patients patients;
    private final PatientAccess access;
    private final ReminderSettings settings;
    private final ClinicCalendar calendar;

    ReminderPreferences(Patients patients, PatientAccess access, ReminderSettings settings, ClinicCalendar calendar) {
        this.patients = patients;
        this.access = access;
        this.settings = settings;
        this.calendar = calendar;
    }

    /** A patient's preferences, their own or the clinic's defaults; {@code version} is empty for the defaults. */
    public record Preferences(ReminderChannel channel, Optional<QuietHours> quietHours, ZoneId zone,
            Optional<Integer> version) {
    }

    @Transactional
    public Preferences get(UUID patientId) {
        patients.find(patientId);
        access.read(RecordCategory.DEMOGRAPHICS, RESOURCE, patientId, patientId);
        return of(patientId);
    }

    @Transactional
    public Preferences set(UUID patientId, ReminderPreferencesRequest request) {
        Patient patient = patients.find(patientId);
        if (!access.mayRead(patientId, RecordCategory.DEMOGRAPHICS)) { // a patient sets only their own
            throw access.refused("update", RESOURCE, patientId, patientId);
        }
        ZoneId zone = zoneOf(request.timeZone());
        if (request.quietHours() != null && request.quietHours().from().equals(request.quietHours().until())) {
            throw new InvalidRequestException("quietHours", "from and until are the same time: leave quietHours out "
                    + "for none");
        }
        if (request.channel() == ReminderChannel.EMAIL && (patient.email == null || patient.email.isBlank())) {
            throw new InvalidRequestException("channel", "email needs the patient's e-mail address, and none is "
                    + "registered");
        }
        if (request.channel() == ReminderChannel.PUSH && !ReminderSender.pushConfigured(settings)) {
            throw new InvalidRequestException("channel", "push needs the clinic's push service, and none is "
                    + "configured");
        }
        ReminderPreference preference = ReminderPreference.findById(patientId);
        if (preference == null) {
            preference = new ReminderPreference();
            preference.patientId = patientId;
        } else if (request.version() == null) {
            throw new InvalidRequestException("version", "is required to update: send the version you last read");
        } else if (preference.version != request.version()) {
            throw new ConflictException("The reminder preferences of patient " + patientId + " were changed since "
                    + "version " + request.version() + "; fetch them again and retry");
        }
        preference.channel = request.channel();
        preference.quietFrom = request.quietHours() == null ? null : request.quietHours().from();
        preference.quietUntil = request.quietHours() == null ? null : request.quietHours().until();
        preference.timeZone = zone.getId();
        preference.updatedAt = Instant.now();
        preference.persistAndFlush();
        access.wrote("update", RESOURCE, patientId, patientId);
        return of(patientId);
    }

    /** The preferences reminders are sent by, without an access check. */
    Preferences of(UUID patientId) {
        ReminderPreference preference = ReminderPreference.findById(patientId);
        if (preference == null) {
            return new Preferences(settings.defaultChannel(), Optional.empty(), calendar.zone(), Optional.empty());
        }
        return new Preferences(preference.channel, preference.quietHours(), preference.zone(),
                Optional.of(preference.version));
    }

    private ZoneId zoneOf(String timeZone) {
        if (timeZone == null) {
            return calendar.zone();
        }
        try {
            return ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            throw new InvalidRequestException("timeZone", "is not an IANA time zone, e.g. America/Chicago");
        }
    }
}
