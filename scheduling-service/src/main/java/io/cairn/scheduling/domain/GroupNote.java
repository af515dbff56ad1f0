package io.cairn.scheduling.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** The shared part of a group session's note: topic and content, with no patient data. */
@Entity
@Table(name = "group_note")
public class GroupNote extends PanacheEntityBase {

    @Id
    @Column(name = "session_id")
    public UUID sessionId;
    public String topic;
    public String content;
    public String author;
    @Column(name = "written_at")
    public Instant writtenAt;
    @Version
    public int version;
}
