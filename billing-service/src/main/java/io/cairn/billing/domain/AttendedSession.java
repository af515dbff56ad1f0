package io.cairn.billing.domain;

import io.cairn.contracts.events.AttendanceMode;
import io.cairn.contracts.events.AttendanceStatus;
import io.cairn.contracts.events.SessionKind;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A session's attendance as scheduling last announced it: the documentation a day's charge rests on. */
@Entity
@Table(name = "attended_session")
public class AttendedSession extends PanacheEntityBase {

    @Id
    @Column(name = "attendance_id")
    public UUID attendanceId;
    @Column(name = "patient_id")
    public UUID patientId;
    @Column(name = "session_id")
    public UUID sessionId;
    @Enumerated(EnumType.STRING)
    @Column(name = "session_kind")
    public SessionKind sessionKind;
    @Enumerated(EnumType.STRING)
    public AttendanceStatus status;
    @Column(name = "minutes_attended")
    public int minutesAttended;
    @Enumerated(EnumType.STRING)
    public AttendanceMode mode;
    @Column(name = "session_date")
    public LocalDate sessionDate;
    @Column(name = "recorded_at")
    public Instant recordedAt;
}
