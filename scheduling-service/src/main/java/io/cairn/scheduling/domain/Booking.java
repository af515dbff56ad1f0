package io.cairn.scheduling.domain;

import org.hibernate.annotations.Generated;
import org.hibernate.generator.EventType;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A patient's place in one session. */
@Entity
@Table(name = "booking")
public class Booking extends PanacheEntityBase {

    @Id
    public UUID id;
    /** When the row last changed: stamped by the database on every write (its FHIR view's meta.lastUpdated). */
    @Generated(event = { EventType.INSERT, EventType.UPDATE })
    @Column(name = "updated_at", insertable = false, updatable = false)
    public Instant updatedAt;
    @Column(name = "session_id")
    public UUID sessionId;
    @Column(name = "patient_id")
    public UUID patientId;
    @Column(name = "enrollment_id")
    public UUID enrollmentId;
    @Enumerated(EnumType.STRING)
    public BookingStatus status;
    @Column(name = "booked_at")
    public Instant bookedAt;
}
