package io.cairn.treatmentplan.domain;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A measurable step toward a goal, with a target date (SMART).
 *
 * @param id stable across versions; left out for a new objective
 * @param status the progress recorded toward it (progress notes and reviews): read-only, and not part of a version
 */
public record Objective(UUID id, @NotBlank @Size(max = 500) String description, @NotNull LocalDate targetDate,
        @Schema(nullable = true, description = "The progress recorded toward it (read-only); null in a plan version's content, which keeps no progress") ObjectiveStatus status) {

    public Objective withStatus(ObjectiveStatus newStatus) {
        return new Objective(id, description, targetDate, newStatus);
    }

    /** As content: a new objective gets its id; a status sent with it is not the edit's to change. */
    Objective normalized() {
        return new Objective(id != null ? id : UUID.randomUUID(), description.strip(), targetDate, null);
    }
}
