package io.cairn.scheduling.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.UUID;

/** One attendee's own part of a group note: never shown to another member. */
@Entity
@Table(name = "group_note_part")
@IdClass(GroupNotePart.Key.class)
public class GroupNotePart extends PanacheEntityBase {

    public record Key(UUID sessionId, UUID patientId) implements Serializable {
    }

    @Id
    @Column(name = "session_id")
    public UUID sessionId;
    @Id
    @Column(name = "patient_id")
    public UUID patientId;
    public String text;
}
