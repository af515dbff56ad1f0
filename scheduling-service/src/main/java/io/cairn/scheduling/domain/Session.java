package io.cairn.scheduling.domain;

import org.hibernate.annotations.Generated;
import org.hibernate.generator.EventType;
import io.cairn.contracts.events.SessionKind;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** A group, individual or family session at one time, led by one facilitator. */
@Entity
@Table(name = "session")
public class Session extends PanacheEntityBase {

    @Id
    public UUID id;
    /** When the row last changed: stamped by the database on every write (its FHIR view's meta.lastUpdated). */
    @Generated(event = { EventType.INSERT, EventType.UPDATE })
    @Column(name = "updated_at", insertable = false, updatable = false)
    public Instant updatedAt;
    @Column(name = "track_id")
    public UUID trackId;
    @Enumerated(EnumType.STRING)
    public SessionKind kind;
    @Enumerated(EnumType.STRING)
    @Column(name = "group_type")
    public GroupType groupType;
    public String title;
    @Column(name = "facilitator_id")
    public String facilitatorId;
    public int capacity;
    public String location;
    @Column(name = "telehealth_url")
    public String telehealthUrl;
    @Column(name = "starts_at")
    public Instant startsAt;
    @Column(name = "ends_at")
    public Instant endsAt;
    @Version
    public int version;

    public long minutes() {
        return Duration.between(startsAt, endsAt).toMinutes();
    }

    public long bookedCount() {
        return Booking.count("sessionId = ?1 and status = ?2", id, BookingStatus.BOOKED);
    }
}
