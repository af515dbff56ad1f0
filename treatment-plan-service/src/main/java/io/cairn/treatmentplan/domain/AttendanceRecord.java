package io.cairn.treatmentplan.domain;

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

/** One attendance scheduling reported; the hours toward the plan's weekly target are summed per ISO week. */
@Entity
@Table(name = "attendance_record")
public class AttendanceRecord extends PanacheEntityBase {

    @Id
    @Column(name = "attendance_id")
    public UUID attendanceId;
    @Column(name = "patient_id")
    public UUID patientId;
    @Column(name = "session_id")
    public UUID sessionId;
    @Column(name = "session_date")
    public LocalDate sessionDate;
    @Column(name = "iso_week")
    public String isoWeek;
    @Enumerated(EnumType.STRING)
    public AttendanceStatus status;
    @Column(name = "minutes_attended")
    public int minutesAttended;
    @Column(name = "recorded_at")
    public Instant recordedAt;
}
