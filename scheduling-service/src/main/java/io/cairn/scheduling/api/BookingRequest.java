package io.cairn.scheduling.api;

import jakarta.validation.constraints.NotNull;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "BookingRequest", example = """
        {"patientId":"6f1c9b1e-2a4b-4d8e-9a51-0c8f3e7d2b10"}""")
public record BookingRequest(@NotNull UUID patientId) {
}
