package io.cairn.aftercare.api;

import io.cairn.aftercare.domain.CheckIn;
import io.cairn.aftercare.domain.CheckInStatus;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CheckInView", example = """
        {"id":"9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d","referralId":"5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9",
         "patientId":"6f1c9b1e-2a4b-4d8e-9a51-0c8f3e7d2b10","milestoneDays":7,"dueOn":"2027-01-29",
         "windowOpensOn":"2027-01-23","windowClosesOn":"2027-02-05","status":"completed","contactedOn":"2027-01-28",
         "reached":true,"useSinceLast":false,"relapse":false,"phq9Score":6,"phq9Band":"mild","gad7Score":4,
         "gad7Band":"minimal","supportGroupMeetings":3,"housing":"stable","employment":"employed",
         "nextSteps":"Keep Tuesday SMART meetings","submittedByPatient":false,"safetyAlert":false}""")
public record CheckInView(UUID id, UUID referralId, UUID patientId, int milestoneDays, LocalDate dueOn,
        LocalDate windowOpensOn, LocalDate windowClosesOn, CheckInStatus status,
        @Schema(nullable = true) LocalDate contactedOn, @Schema(nullable = true) Boolean reached,
        @Schema(nullable = true) Boolean useSinceLast, @Schema(nullable = true) Boolean relapse,
        @Schema(nullable = true) Integer phq9Score, @Schema(nullable = true) String phq9Band,
        @Schema(nullable = true) Integer gad7Score, @Schema(nullable = true) String gad7Band,
        @Schema(nullable = true) Integer supportGroupMeetings, @Schema(nullable = true) String housing,
        @Schema(nullable = true) String employment, @Schema(nullable = true) String nextSteps,
        boolean submittedByPatient,
        @Schema(description = "The PHQ-9 re-screen showed a safety finding (item 9 above 0): an alert was raised") boolean safetyAlert) {

    static CheckInView of(CheckIn c) {
        return new CheckInView(c.id, c.referralId, c.patientId, c.milestoneDays, c.dueOn, c.windowOpensOn,
                c.windowClosesOn, c.status, c.contactedOn, c.reached, c.useSinceLast, c.relapse, c.phq9Score,
                c.phq9Band, c.gad7Score, c.gad7Band, c.supportGroupMeetings, c.housing, c.employment, c.nextSteps,
                c.submittedByPatient, c.safetyAlert);
    }
}
