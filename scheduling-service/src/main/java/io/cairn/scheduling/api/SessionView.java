package io.cairn.scheduling.api;

import io.cairn.contracts.events.SessionKind;
import io.cairn.scheduling.domain.GroupType;
import io.cairn.scheduling.domain.Session;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "SessionView", example = """
        {"id":"4c5d6e7f-8a9b-4c0d-8e1f-2a3b4c5d6e7f","trackId":"8b1e2c3d-4f5a-4b6c-9d7e-8f9a0b1c2d3e",
         "kind":"group","groupType":"process-group","title":"Process group","facilitatorId":"clinician-okafor",
         "capacity":12,"booked":9,"location":"Room 2, 14 Main St","telehealthUrl":null,
         "startsAt":"2026-11-30T18:00:00Z","endsAt":"2026-11-30T21:00:00Z"}""")
public record SessionView(UUID id,
        @Schema(nullable = true, description = "The track the session was generated from; null for a session planned on its own") UUID trackId,
        SessionKind kind,
        @Schema(nullable = true, description = "What a group session is for; null for individual and family sessions") GroupType groupType,
        String title, String facilitatorId, int capacity, long booked,
        @Schema(nullable = true, description = "Where it takes place; null when not given") String location,
        @Schema(nullable = true, description = "The telehealth room; null when not given") String telehealthUrl,
        Instant startsAt, Instant endsAt) {

    static SessionView of(Session s) {
        return of(s, s.bookedCount());
    }

    /** The view of a session whose booked places were counted with other sessions'. */
    static SessionView of(Session s, long booked) {
        return new SessionView(s.id, s.trackId, s.kind, s.groupType, s.title, s.facilitatorId, s.capacity, booked,
                s.location, s.telehealthUrl, s.startsAt, s.endsAt);
    }
}
