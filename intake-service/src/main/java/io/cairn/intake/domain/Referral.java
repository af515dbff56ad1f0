package io.cairn.intake.domain;

import org.hibernate.annotations.Generated;
import org.hibernate.generator.EventType;
import io.cairn.contracts.events.ReferralSource;
import io.cairn.kit.problem.ConflictException;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** A request to admit someone, and where it stands. */
@Entity
@Table(name = "referral")
public class Referral extends PanacheEntityBase {

    @Id
    public UUID id;
    /** When the row last changed: stamped by the database on every write (its FHIR view's meta.lastUpdated). */
    @Generated(event = { EventType.INSERT, EventType.UPDATE })
    @Column(name = "updated_at", insertable = false, updatable = false)
    public Instant updatedAt;
    @Column(name = "patient_id")
    public UUID patientId;
    @Enumerated(EnumType.STRING)
    public ReferralSource source;
    @Column(name = "referring_organization")
    public String referringOrganization;
    @Embedded
    public ReferringContact referringContact;
    public String reason;
    @Enumerated(EnumType.STRING)
    public Urgency urgency;
    @Enumerated(EnumType.STRING)
    public ReferralStatus status;
    /** The referral of the earlier episode, for a readmission. */
    @Column(name = "readmission_of")
    public UUID readmissionOf;
    @Column(name = "received_at")
    public Instant receivedAt;
    @Version
    public int version;

    /**
     * Moves the referral along its pipeline and returns the step to keep.
     *
     * @throws ConflictException when the pipeline does not allow that step from where the referral stands
     */
    public ReferralTransition moveTo(ReferralStatus next, String by, String note) {
        if (!status.canMoveTo(next)) {
            throw new ConflictException("A " + label(status) + " referral cannot become " + label(next));
        }
        ReferralTransition transition = transition(status, next, by, note);
        status = next;
        return transition;
    }

    ReferralTransition transition(ReferralStatus from, ReferralStatus to, String by, String note) {
        ReferralTransition transition = new ReferralTransition();
        transition.referralId = id;
        transition.from = from;
        transition.to = to;
        transition.changedBy = by;
        transition.changedAt = Instant.now();
        transition.note = note;
        return transition;
    }

    private static String label(ReferralStatus status) {
        return status.name().toLowerCase().replace('_', '-');
    }
}
