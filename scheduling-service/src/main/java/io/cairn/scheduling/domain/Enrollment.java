package io.cairn.scheduling.domain;

import io.cairn.contracts.events.Population;
import io.cairn.contracts.events.PreferredSchedule;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.hibernate.annotations.Generated;
import org.hibernate.generator.EventType;
import java.util.UUID;

/** A patient's place in a track for one approved plan, or their place on the waitlist. */
@Entity
@Table(name = "enrollment")
public class Enrollment extends PanacheEntityBase {

    @Id
    public UUID id;
    /** When the row last changed: stamped by the database on every write (its FHIR Group's meta.lastUpdated). */
    @Generated(event = { EventType.INSERT, EventType.UPDATE })
    @Column(name = "updated_at", insertable = false, updatable = false)
    public Instant updatedAt;
    @Column(name = "patient_id")
    public UUID patientId;
    @Column(name = "plan_id")
    public UUID planId;
    @Column(name = "track_id")
    public UUID trackId;
    @Enumerated(EnumType.STRING)
    public EnrollmentStatus status;
    @Column(name = "weekly_hours_target")
    public BigDecimal weeklyHoursTarget;
    @Enumerated(EnumType.STRING)
    public Population population;
    @Enumerated(EnumType.STRING)
    @Column(name = "preferred_schedule")
    public PreferredSchedule preferredSchedule;
    @Column(name = "waitlist_reason")
    public String waitlistReason;
    @Column(name = "starts_on")
    public LocalDate startsOn;
    @Column(name = "decided_at")
    public Instant decidedAt;
    @Column(name = "ended_on")
    public LocalDate endedOn;
    @Column(name = "end_reason")
    public String endReason;
    @Version
    public int version;
}
