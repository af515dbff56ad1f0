package io.cairn.aftercare.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What a check-in found. PHQ-9 and GAD-7 re-screens are answered item by item and scored as at intake.
 *
 * @param contactedOn the day of the contact; today when left out
 * @param relapse a return to use: intake opens an urgent readmission referral
 */
@Schema(name = "CheckInRequest", example = """
        {"contactedOn":"2027-01-28","reached":true,"useSinceLast":false,"relapse":false,
         "phq9Answers":{"1":1,"2":1,"3":1,"4":1,"5":0,"6":1,"7":1,"8":0,"9":0},
         "gad7Answers":{"1":1,"2":1,"3":0,"4":1,"5":0,"6":1,"7":0},
         "supportGroupMeetings":3,"housing":"stable","employment":"employed","nextSteps":"Keep Tuesday SMART meetings"}""")
public record CheckInRequest(LocalDate contactedOn, @NotNull Boolean reached, Boolean useSinceLast,
        @NotNull Boolean relapse, Map<Integer, Integer> phq9Answers, Map<Integer, Integer> gad7Answers,
        @Min(0) @Max(100) Integer supportGroupMeetings, @Size(max = 200) String housing,
        @Size(max = 200) String employment, @Size(max = 4000) String nextSteps) {
}
