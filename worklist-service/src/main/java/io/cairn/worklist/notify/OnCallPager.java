package io.cairn.worklist.notify;

import io.cairn.kit.events.AfterCommit;
import io.cairn.worklist.domain.CareTask;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Instant;

/**
 * Pages the on-call address about an urgent task. The page is written in the task's own transaction, so it exists
 * exactly when the task does, and {@link PageSender} mails it after the commit.
 */
@ApplicationScoped
public class OnCallPager {

    private final PageSender sender;
    private final TransactionSynchronizationRegistry transactions;

    OnCallPager(PageSender sender, TransactionSynchronizationRegistry transactions) {
        this.sender = sender;
        this.transactions = transactions;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void page(CareTask task, String reason) {
        TaskNotification page = new TaskNotification();
        page.taskId = task.id;
        page.reason = reason;
        page.createdAt = Instant.now();
        page.persist();
        AfterCommit.run(transactions, sender::wakeUp);
    }
}
