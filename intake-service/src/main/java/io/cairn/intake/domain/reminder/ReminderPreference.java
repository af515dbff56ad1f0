package io.cairn.intake.domain.reminder;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;

/** How one patient wants to be reminded: the channel, and the quiet hours in their time zone. */
@Entity
@Table(name = "reminder_preference")
public class ReminderPreference extends PanacheEntityBase {

    @Id
    @Column(name = "patient_id")
    public UUID patientId;
    @Enumerated(EnumType.STRING)
    public ReminderChannel channel;
    @Column(name = "quiet_from")
    public LocalTime quietFrom;
    @Column(name = "quiet_until")
    public LocalTime quietUntil;
    @Column(name = "time_zone")
    public String timeZone;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public int version;

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    public Optional<QuietHours> quietHours() {
        return quietFrom == null ? Optional.empty() : Optional.of(new QuietHours(quietFrom, quietUntil, zone()));
    }
}
