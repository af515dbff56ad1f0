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
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import org.hibernate.annotations.Generated;
import org.hibernate.generator.EventType;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A recurring weekly schedule a cohort follows: morning, evening or weekend. */
@Entity
@Table(name = "track")
public class Track extends PanacheEntityBase {

    @Id
    public UUID id;
    /** When the row last changed: stamped by the database on every write (its FHIR Group's meta.lastUpdated). */
    @Generated(event = { EventType.INSERT, EventType.UPDATE })
    @Column(name = "updated_at", insertable = false, updatable = false)
    public Instant updatedAt;
    public String name;
    @Enumerated(EnumType.STRING)
    @Column(name = "schedule_type")
    public PreferredSchedule scheduleType;
    @Enumerated(EnumType.STRING)
    @Column(name = "age_group")
    public Population ageGroup;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<TrackBlock> blocks;
    public int capacity;
    @Column(name = "facilitator_id")
    public String facilitatorId;
    public String location;
    @Column(name = "telehealth_url")
    public String telehealthUrl;
    @Column(name = "active_from")
    public LocalDate activeFrom;
    @Column(name = "active_until")
    public LocalDate activeUntil;
    @Version
    public int version;

    /** Hours a week the track's sessions add up to. */
    public BigDecimal weeklyHours() {
        long minutes = blocks.stream().mapToLong(TrackBlock::minutes).sum();
        return BigDecimal.valueOf(minutes).divide(BigDecimal.valueOf(60), 1, RoundingMode.HALF_UP);
    }

    public boolean isActiveOn(LocalDate day) {
        return !day.isBefore(activeFrom) && (activeUntil == null || !day.isAfter(activeUntil));
    }
}
