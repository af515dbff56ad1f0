package io.cairn.fhir.bulk;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Where one service's part of an export stands: the types it was asked for, what it found of each ({@code counts},
 * empty when not counted); {@code parts} names the services the export was started in (empty when not told).
 */
public record BulkExportJob(String status, String request, Instant requestedAt, Instant completedAt,
        Instant expiresAt, String error, List<String> types, Map<String, Long> counts, List<String> parts) {

    public static final String IN_PROGRESS = "in-progress";
    public static final String COMPLETE = "complete";
    public static final String FAILED = "failed";
}
