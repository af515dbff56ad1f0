package io.cairn.billing.api;

import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Diagnoses", example = """
        {"patientId":"6f1c9b1e-2a4b-4d8e-9a51-0c8f3e7d2b10","codes":["F10.20","F32.1"]}""")
public record DiagnosesView(UUID patientId,
        @Schema(description = "ICD-10-CM codes, the principal first; empty until a clinician records them") List<String> codes) {
}
