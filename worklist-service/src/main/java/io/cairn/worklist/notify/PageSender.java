package io.cairn.worklist.notify;

import io.cairn.worklist.domain.WorklistRules;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
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

    private final Mailer mailer;
    private final EntityManager entities;
    private final String onCall;
    private final URI worklistAddress;
    private final ExecutorService wakeUps = Executors.newSingleThreadExecutor(r -> new Thread(r, "page-sender"));
    private final AtomicBoolean pending = new AtomicBoolean();

    PageSender(Mailer mailer, EntityManager entities, WorklistRules rules) {
        this.mailer = mailer;
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
     * Sends the oldest unsent pages. Each is locked while it is sent, and pages another replica is sending are
     * skipped, so two replicas never mail the same page; a page is mailed again only when its commit fails after the
     * mail server took it.
     *
     * @return how many pages were sent
     */
    public int sendPending() {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<TaskNotification> unsent = entities.createNativeQuery("SELECT * FROM task_notification "
                    + "WHERE sent_at IS NULL ORDER BY id LIMIT " + BATCH + " FOR UPDATE SKIP LOCKED",
                    TaskNotification.class).getResultList();
            int sent = 0;
            for (TaskNotification page : unsent) {
                page.attempts++;
                try {
                    mailer.send(Mail.withText(onCall, "Cairn: " + page.reason, text(page)));
                } catch (RuntimeException e) {
                    LOG.warnf("The page about task %s was not sent, and will be tried again: %s", page.taskId,
                            e.getMessage());
                    break;
                }
                page.sentAt = Instant.now();
                sent++;
            }
            return sent;
        });
    }

    private String text(TaskNotification page) {
        return page.reason + " in the Cairn worklist.\n\nOpen it: "
                + worklistAddress.resolve("/api/v1/tasks/" + page.taskId) + "\n\n"
                + "This message carries no patient information; sign in to see the task.\n";
    }
}
