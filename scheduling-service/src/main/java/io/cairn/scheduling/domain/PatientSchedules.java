package io.cairn.scheduling.domain;

import io.cairn.contracts.events.RecordCategory;
import io.cairn.kit.security.PatientAccess;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/** A patient's booked sessions from today on. */
@ApplicationScoped
public class PatientSchedules {

    private final PatientAccess access;

    PatientSchedules(PatientAccess access) {
        this.access = access;
    }

    @Transactional
    public List<Session> upcoming(UUID patientId) {
        access.read(RecordCategory.ATTENDANCE, "schedule", patientId, patientId);
        return Session.list("id in (select b.sessionId from Booking b where b.patientId = ?1 and b.status = ?2) "
                + "and endsAt > ?3", Sort.ascending("startsAt"), patientId, BookingStatus.BOOKED,
                Instant.now().minus(1, ChronoUnit.DAYS));
    }
}
