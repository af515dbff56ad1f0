package io.cairn.kit.events;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/** Work to do once the current transaction has committed, and never if it rolls back, such as waking a sender. */
public final class AfterCommit implements Synchronization {

    private final Runnable work;

    private AfterCommit(Runnable work) {
        this.work = work;
    }

    public static void run(TransactionSynchronizationRegistry transactions, Runnable work) {
        transactions.registerInterposedSynchronization(new AfterCommit(work));
    }

    @Override
    public void beforeCompletion() {
    }

    @Override
    public void afterCompletion(int status) {
        if (status == Status.STATUS_COMMITTED) {
            work.run();
        }
    }
}
