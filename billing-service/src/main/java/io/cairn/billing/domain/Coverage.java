package io.cairn.billing.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.annotations.Generated;
import org.hibernate.generator.EventType;

/** A patient's insurance with a payer, from a date and, once it ended, until one. */
@Entity
@Table(name = "coverage")
public class Coverage extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "patient_id")
    public UUID patientId;
    @Column(name = "payer_id")
    public UUID payerId;
    @Enumerated(EnumType.STRING)
    public CoverageRank rank;
    @Column(name = "member_id")
    public String memberId;
    @Column(name = "group_number")
    public String groupNumber;
    @Column(name = "plan_name")
    public String planName;
    /** The subscriber, who is the patient, as the payer knows them: the name on the card, birth date and sex. */
    @Column(name = "subscriber_given_name")
    public String subscriberGivenName;
    @Column(name = "subscriber_family_name")
    public String subscriberFamilyName;
    @Column(name = "subscriber_birth_date")
    public LocalDate subscriberBirthDate;
    @Enumerated(EnumType.STRING)
    @Column(name = "subscriber_sex")
    public SubscriberSex subscriberSex;
    @Column(name = "address_line")
    public String addressLine;
    public String city;
    public String state;
    @Column(name = "postal_code")
    public String postalCode;
    @Column(name = "starts_on")
    public LocalDate startsOn;
    @Column(name = "ends_on")
    public LocalDate endsOn;
    @Generated(event = { EventType.INSERT, EventType.UPDATE })
    @Column(name = "updated_at", insertable = false, updatable = false)
    public Instant updatedAt;
    @Version
    public int version;

    /** Whether a claim can name the subscriber: a coverage entered before these were asked for cannot. */
    public boolean namesItsSubscriber() {
        return subscriberGivenName != null && subscriberFamilyName != null && subscriberBirthDate != null
                && subscriberSex != null && addressLine != null && city != null && state != null && postalCode != null;
    }

    public boolean covers(LocalDate day) {
        return !day.isBefore(startsOn) && (endsOn == null || !day.isAfter(endsOn));
    }

    /** Whether the two coverages are in force on a day in common. */
    boolean overlaps(Coverage other) {
        return (endsOn == null || !endsOn.isBefore(other.startsOn))
                && (other.endsOn == null || !other.endsOn.isBefore(startsOn));
    }

    /** The patient's primary coverage on a day; at most one covers a day. */
    static Optional<Coverage> primaryOn(UUID patientId, LocalDate day) {
        return Coverage.<Coverage> find("patientId = ?1 and rank = ?2 and startsOn <= ?3 "
                + "and (endsOn is null or endsOn >= ?3)", patientId, CoverageRank.PRIMARY, day).firstResultOptional();
    }
}
