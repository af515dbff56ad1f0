package io.cairn.worklist.notify;

import io.cairn.worklist.domain.WorklistRules;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Mails the pages the worklist wrote, oldest first, and marks each sent. A page the mail server refused stays unsent
 * and is tried again on the next run. The mail says only that an urgent task waits and where: no name, no finding,
 * no answer, since mail leaves the clinic's systems.
 */
@ApplicationScoped
public class PageSender {

    private static final Logger LOG = Logger.getLogger(PageSender.class);
    private static final int BATCH = 50;

    private final ReactiveMailer mailer;
    private final Duration sendTimeout;
    private final EntityManager entities;
    private final String onCall;
    private final URI worklistAddress;
    private final ExecutorService wakeUps = Executors.newSingleThreadExecutor(r -> new Thread(r, "page-sender"));
    private final AtomicBoolean pending = new AtomicBoolean();

    PageSender(ReactiveMailer mailer, EntityManager entities, WorklistRules rules,
            @ConfigProperty(name = "quarkus.mailer.timeout") Duration sendTimeout) {
        this.mailer = mailer;
        this.sendTimeout = sendTimeout;
        this.entities = entities;
        this.onCall = rules.pages().onCallAddress();
        this.worklistAddress = rules.pages().address();
    }

    /** Sends soon after a commit, on a thread of its own; the schedule below is the safety net. */
    void wakeUp() {
        if (pending.compareAndSet(false, true)) {
            wakeUps.execute(() -> {
                pending.set(false);
                try {
                    sendPending();
                } catch (RuntimeException e) {
                    LOG.warnf("Pages wait for the next run: %s", e.getMessage());
                }
            });
        }
    }

    @Scheduled(every = "{worklist.pages.retry-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void retry() {
        sendPending();
    }

    /**
     * Sends the unsent pages, oldest first, each in a short transaction of its own that locks it: pages another
     * replica is sending are skipped, so two replicas never mail the same page, and a sent page is marked at once. A
     * page is mailed again only when its commit fails after the mail server took it. A send waits for the server at
     * most {@code quarkus.mailer.timeout}; the first refusal ends the run, the rest wait for the next.
     *
     * @return how many pages were sent
     */
    public int sendPending() {
        int sent = 0;
        while (sent < BATCH && QuarkusTransaction.requiringNew().call(this::sendOldest)) {
            sent++;
        }
        return sent;
    }

    private boolean sendOldest() {
        @SuppressWarnings("unchecked")
        List<TaskNotification> oldest = entities.createNativeQuery("SELECT * FROM task_notification "
                + "WHERE sent_at IS NULL ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED", TaskNotification.class)
                .getResultList();
        if (oldest.isEmpty()) {
            return false;
        }
        TaskNotification page = oldest.get(0);
        page.attempts++;
        try {
            mailer.send(Mail.withText(onCall, "Cairn: " + page.reason, text(page))).await().atMost(sendTimeout);
        } catch (RuntimeException e) {
            LOG.warnf("The page about task %s was not sent, and will be tried again: %s", page.taskId,
                    e.getMessage());
            return false;
        }
        page.sentAt = Instant.now();
        return true;
    }

    private String text(TaskNotification page) {
        return page.reason + " in the Cairn worklist.\n\nOpen it: "
                + worklistAddress.resolve("/api/v1/tasks/" + page.taskId) + "\n\n"
                + "This message carries no patient information; sign in to see the task.\n";
    }
}
