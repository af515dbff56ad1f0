package io.cairn.worklist.domain;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;

/**
 * How soon each kind of work is due, when it joins the list, and whom urgent work pages; the clinic tunes them
 * (WORKLIST_*).
 */
@ConfigMapping(prefix = "worklist")
public interface WorklistRules {

    /** An urgent task nobody claimed for this long goes to the program director. */
    @WithDefault("15M")
    Duration escalateAfter();

    /** A drafted plan should be approved within this. */
    @WithDefault("2D")
    Duration planApprovalWithin();

    /** An engagement alert should be followed up within this. */
    @WithDefault("2D")
    Duration engagementWithin();

    /** A re-screen reliably worse than its series began should be followed up within this. */
    @WithDefault("2D")
    Duration measureWorsenedWithin();

    /** A plan review joins the list this long before it is due. */
    @WithDefault("7D")
    Duration reviewNotice();

    /** A check-in joins the list this long before it is due (never before the day after discharge). */
    @WithDefault("7D")
    Duration checkInNotice();

    /** An urgent referral should be answered within this. */
    @WithDefault("1D")
    Duration urgentReferralWithin();

    /**
     * An urgent task from an event older than this (the worklist was down, or is catching up on history) opens
     * without a page: on-call hears of work as it happens, not of a backlog.
     */
    @WithDefault("1H")
    Duration pageWithin();

    /** Urgent tasks older than this no longer escalate (history the worklist caught up on when first deployed). */
    @WithDefault("1D")
    Duration escalationHorizon();

    /** How often unclaimed urgent tasks are looked for, e.g. {@code 30s}; {@code off} in tests, which pass a time. */
    String escalationCheckEvery();

    Pages pages();

    /** Mail to the on-call address about urgent tasks. */
    interface Pages {

        /** Who is paged, e.g. the on-call clinician's shared mailbox. */
        String onCallAddress();

        /** The worklist's public address (the gateway's): the page links to the task there. */
        URI address();

        /** How often pages the mail server refused are tried again, e.g. {@code 30s}. */
        String retryEvery();
    }
}
