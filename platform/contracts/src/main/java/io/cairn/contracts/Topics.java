package io.cairn.contracts;

/** Kafka topics, one per producing service, keyed by patientId so one patient's events keep their order. */
public final class Topics {

    public static final String INTAKE = "cairn.intake.v1";
    public static final String TREATMENT_PLAN = "cairn.treatment-plan.v1";
    public static final String SCHEDULING = "cairn.scheduling.v1";
    public static final String AFTERCARE = "cairn.aftercare.v1";
    public static final String WORKLIST = "cairn.worklist.v1";

    private static final String DEAD_LETTER_SUFFIX = ".dlq";

    private Topics() {
    }

    /** The dead-letter topic where a consumer parks what it cannot process, with the reason. */
    public static String deadLetterOf(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }
}
