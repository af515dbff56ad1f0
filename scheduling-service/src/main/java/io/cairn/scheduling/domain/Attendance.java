package io.cairn.scheduling.domain;

import io.cairn.contracts.events.AttendanceStatus;
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

/** Whether and how long a patient attended one session; a correction updates it in place. */
@Entity
@Table(name = "attendance")
public class Attendance extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "session_id")
    public UUID sessionId;
    @Column(name = "patient_id")
    public UUID patientId;
    @Enumerated(EnumType.STRING)
    public AttendanceStatus status;
    @Column(name = "minutes_attended")
    public int minutesAttended;
    @Column(name = "session_date")
    public LocalDate sessionDate;
    @Column(name = "iso_week")
    public String isoWeek;
    @Column(name = "recorded_by")
    public String recordedBy;
    @Column(name = "recorded_at")
    public Instant recordedAt;
}
