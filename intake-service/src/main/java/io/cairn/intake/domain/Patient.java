package io.cairn.intake.domain;

import io.cairn.contracts.events.Population;
import io.cairn.contracts.events.PreferredSchedule;
import io.cairn.screeners.Sex;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/** A person referred to the program: who they are, how to reach them, and when they can attend. */
@Entity
@Table(name = "patient")
public class Patient extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "given_name")
    public String givenName;
    @Column(name = "family_name")
    public String familyName;
    @Column(name = "birth_date")
    public LocalDate birthDate;
    @Enumerated(EnumType.STRING)
    public Sex sex;
    @Enumerated(EnumType.STRING)
    @Column(name = "age_group")
    public Population ageGroup;
    @Enumerated(EnumType.STRING)
    @Column(name = "preferred_schedule")
    public PreferredSchedule preferredSchedule;
    public String phone;
    public String email;
    @Embedded
    public Address address;
    @Embedded
    public EmergencyContact emergencyContact;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "patient_identifier", joinColumns = @JoinColumn(name = "patient_id"))
    public Set<ExternalIdentifier> identifiers = new HashSet<>();
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Version
    public int version;
}
