package io.cairn.aftercare.domain;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;

/**
 * When check-ins fall due after discharge and how long each stays open, tuned by the clinic (e.g.
 * {@code AFTERCARE_CHECK_INS_DAYS=7,30,90,180,365}). A check-in opens {@link #windowBefore()} days before it is due
 * (never on the discharge date itself) and is missed when not done {@link #windowAfter()} days after.
 */
@ConfigMapping(prefix = "aftercare.check-ins")
public interface CheckInSchedule {

    @WithDefault("7,30,90,180,365")
    List<Integer> days();

    @WithDefault("6")
    int windowBefore();

    @WithDefault("7")
    int windowAfter();

    /** Who takes new referrals until a case manager is assigned by name. */
    @WithDefault("case-manager-on-duty")
    String defaultCaseManager();
}
