package io.cairn.fhir.bulk;

import java.time.Instant;
import java.util.Map;

/** Where one service's part of an export stands, and what it found of each type. */
public record BulkExportJob(String status, String request, Instant requestedAt, Instant completedAt,
        Instant expiresAt, String error, Map<String, Long> counts) {

    public static final String IN_PROGRESS = "in-progress";
    public static final String COMPLETE = "complete";
    public static final String FAILED = "failed";
}
