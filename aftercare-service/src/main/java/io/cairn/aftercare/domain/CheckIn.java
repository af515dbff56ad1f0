package io.cairn.aftercare.domain;

import org.hibernate.annotations.Generated;
import org.hibernate.generator.EventType;
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
import java.util.UUID;

/** A scheduled contact after discharge (day 7, 30, 90, 180, 365) and, once done, what it found. */
@Entity
@Table(name = "check_in")
public class CheckIn extends PanacheEntityBase {

    @Id
    public UUID id;
    /** When the row last changed: stamped by the database on every write (its FHIR view's meta.lastUpdated). */
    @Generated(event = { EventType.INSERT, EventType.UPDATE })
    @Column(name = "updated_at", insertable = false, updatable = false)
    public Instant updatedAt;
    @Column(name = "referral_id")
    public UUID referralId;
    @Column(name = "patient_id")
    public UUID patientId;
    /** Days after discharge; 3 for an outreach first contact. */
    @Column(name = "milestone_days")
    public int milestoneDays;
    @Column(name = "due_on")
    public LocalDate dueOn;
    @Column(name = "window_opens_on")
    public LocalDate windowOpensOn;
    @Column(name = "window_closes_on")
    public LocalDate windowClosesOn;
    @Enumerated(EnumType.STRING)
    public CheckInStatus status;
    @Column(name = "contacted_on")
    public LocalDate contactedOn;
    public Boolean reached;
    @Column(name = "use_since_last")
    public Boolean useSinceLast;
    public Boolean relapse;
    @Column(name = "phq9_score")
    public Integer phq9Score;
    @Column(name = "phq9_band")
    public String phq9Band;
    @Column(name = "gad7_score")
    public Integer gad7Score;
    @Column(name = "gad7_band")
    public String gad7Band;
    @Column(name = "support_group_meetings")
    public Integer supportGroupMeetings;
    public String housing;
    public String employment;
    @Column(name = "next_steps")
    public String nextSteps;
    @Column(name = "recorded_by")
    public String recordedBy;
    @Column(name = "recorded_at")
    public Instant recordedAt;
    @Column(name = "submitted_by_patient")
    public boolean submittedByPatient;
    @Column(name = "safety_alert")
    public boolean safetyAlert;
    @Version
    public int version;
}
