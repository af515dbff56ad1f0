package io.cairn.billing.domain;

import io.cairn.billing.x12.Eligibility270;
import io.cairn.billing.x12.Eligibility271;
import io.cairn.billing.x12.X12Reading;
import io.cairn.kit.api.ClinicCalendar;
import io.cairn.kit.problem.ConflictException;
import io.cairn.kit.problem.InvalidRequestException;
import io.cairn.kit.problem.ResourceNotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Asks a coverage's payer whether it is in force (a 270) and reads the answer (a 271). No clearinghouse is called
 * from here: the clinic sends the 270 through its own and brings the 271 back.
 */
@ApplicationScoped
public class Eligibilities {

    private final BillingProvider clinic;
    private final ClinicCalendar calendar;
    private final InterchangeNumbers numbers;

    Eligibilities(BillingProvider clinic, ClinicCalendar calendar, InterchangeNumbers numbers) {
        this.clinic = clinic;
        this.calendar = calendar;
        this.numbers = numbers;
    }

    /** The 270 for the coverage, checked against its layout, kept to match its answer. */
    @Transactional
    public EligibilityCheck ask(UUID coverageId, String by) {
        Coverage coverage = Coverage.findById(coverageId);
        if (coverage == null) {
            throw new InvalidRequestException("coverageId", "no such coverage");
        }
        if (!coverage.namesItsSubscriber()) {
            throw new ConflictException("The coverage was entered without its subscriber's name, birth date, sex "
                    + "and address, which an inquiry needs: enter it again with them");
        }
        Payer payer = Payer.findById(coverage.payerId);
        long control = numbers.next();
        EligibilityCheck check = new EligibilityCheck();
        check.id = UUID.randomUUID();
        check.coverageId = coverage.id;
        check.patientId = coverage.patientId;
        check.traceNumber = check.id.toString().replace("-", "").substring(0, 30).toUpperCase();
        check.request = Eligibility270.write(clinic, payer, coverage, check.traceNumber, control,
                LocalDateTime.ofInstant(calendar.now(), calendar.zone()));
        List<String> errors = X12Reading.errors(check.request, X12Reading.schema(Eligibility270.SCHEMA));
        if (!errors.isEmpty()) {
            throw new IllegalStateException("The 270 written for coverage " + coverageId + " does not validate: "
                    + errors);
        }
        check.requestedBy = by;
        check.persist();
        return check;
    }

    /** Reads the payer's 271 into the check it answers; a 271 for another inquiry is refused. */
    @Transactional
    public EligibilityCheck answer(UUID checkId, String interchange) {
        EligibilityCheck check = get(checkId);
        Eligibility271.Answer answer = Eligibility271.read(X12Reading.segmentsOf(interchange))
                .orElseThrow(() -> new InvalidRequestException("body", "not a 271 eligibility response (ST01 must be 271)"));
        if (!check.traceNumber.equals(answer.trace())) {
            throw new InvalidRequestException("body", "the 271 answers inquiry " + answer.trace()
                    + " (TRN02), not this one, " + check.traceNumber);
        }
        check.response = interchange;
        check.answeredAt = calendar.now();
        check.active = answer.active();
        check.planBeginsOn = answer.planBeginsOn();
        check.planEndsOn = answer.planEndsOn();
        check.activeServices = answer.activeServices();
        check.rejections = answer.rejections();
        return check;
    }

    @Transactional
    public EligibilityCheck get(UUID id) {
        EligibilityCheck check = EligibilityCheck.findById(id);
        if (check == null) {
            throw new ResourceNotFoundException("EligibilityCheck", id);
        }
        return check;
    }
}
