package io.cairn.aftercare.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "RelapseRequest", example = """
        {"note":"Sister called: drinking again since the weekend"}""")
public record RelapseRequest(@NotBlank @Size(max = 4000) String note) {
}
