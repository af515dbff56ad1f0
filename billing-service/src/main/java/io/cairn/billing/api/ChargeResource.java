package io.cairn.billing.api;

import io.cairn.billing.domain.Charge;
import io.cairn.billing.domain.Charges;
import io.cairn.contracts.Roles;
import io.cairn.contracts.events.RecordCategory;
import io.cairn.kit.api.ApiPaths;
import io.cairn.kit.api.ClinicCalendar;
import io.cairn.kit.problem.InvalidParameterException;
import io.cairn.kit.security.PatientAccess;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The charges attendance made: a day attended is a day's charge, so they are read as attendance is, audited. */
@Path(ApiPaths.V1 + "/charges")
@Tag(name = "Charges", description = "A charge for each day of the program attended, with the codes its payer wants")
@Produces(MediaType.APPLICATION_JSON)
public class ChargeResource {

    private final Charges charges;
    private final PatientAccess access;

    ChargeResource(Charges charges, PatientAccess access) {
        this.charges = charges;
        this.access = access;
    }

    @GET
    @RolesAllowed({ Roles.PROGRAM_DIRECTOR, Roles.INTAKE_COORDINATOR })
    @Operation(operationId = "listCharges", summary = "A patient's charges, by day", description = "Each day attended for at least the minutes its payer requires, while a primary coverage covered it, is one open charge: one unit of the payer's per diem with its codes. A day corrected below the minimum, or no longer covered, keeps its charge as void, with the reason. from and to (inclusive) bound the service dates. For the program director and intake coordinators.")
    @APIResponse(responseCode = "200", description = "The charges, by service date")
    @APIResponse(responseCode = "404", description = "Not a patient the caller may see")
    public List<ChargeView> list(@QueryParam("patientId") @NotNull UUID patientId, @QueryParam("from") LocalDate from,
            @QueryParam("to") LocalDate to) {
        LocalDate first = from == null ? LocalDate.of(ClinicCalendar.FIRST_YEAR, 1, 1) : from;
        LocalDate last = to == null ? LocalDate.of(ClinicCalendar.LAST_YEAR, 12, 31) : to;
        if (last.isBefore(first)) {
            throw new InvalidParameterException("to", "must not be before from");
        }
        access.search(RecordCategory.ATTENDANCE, patientId);
        List<Charge> found = charges.ofPatient(patientId, first, last);
        access.readAll(RecordCategory.ATTENDANCE, "Charge", found, c -> c.id, c -> c.patientId);
        return found.stream().map(ChargeView::of).toList();
    }
}
