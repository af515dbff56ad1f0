package io.cairn.fhir.bulk;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Where one service's part of an export stands, and what it found of each type; {@code parts} names the services the
 * export was started in (empty when not told).
 */
public record BulkExportJob(String status, String request, Instant requestedAt, Instant completedAt,
        Instant expiresAt, String error, Map<String, Long> counts, List<String> parts) {

    public static final String IN_PROGRESS = "in-progress";
    public static final String COMPLETE = "complete";
    public static final String FAILED = "failed";
}
