package io.cairn.worklist.notify;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A page to the on-call address, kept until the mail server took it. */
@Entity
@Table(name = "task_notification")
public class TaskNotification extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "task_id")
    public UUID taskId;
    public String reason;
    @Column(name = "created_at")
    public Instant createdAt;
    public int attempts;
    @Column(name = "sent_at")
    public Instant sentAt;
}
