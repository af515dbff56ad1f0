package io.cairn.intake.domain.assessment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.cairn.contracts.events.LevelOfCare;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LevelOfCareRulesTest {

    /** The documented defaults. */
    static final LevelOfCareThresholds DEFAULTS = new LevelOfCareThresholds() {
        @Override
        public boolean safetyReferralOnHighSuicideRisk() {
            return true;
        }

        @Override
        public int residentialAt() {
            return 4;
        }

        @Override
        public int partialHospitalizationAt() {
            return 3;
        }

        @Override
        public int partialHospitalizationDimensions() {
            return 2;
        }

        @Override
        public int intensiveOutpatientAt() {
            return 2;
        }
    };

    final LevelOfCareRules rules = new LevelOfCareRules(DEFAULTS);

    @ParameterizedTest(name = "{0} with high suicide risk {1} → {2}")
    @CsvSource({
            "0 0 0 0 0 0, false, OUTPATIENT",
            "1 1 1 1 1 1, false, OUTPATIENT",
            "0 0 2 0 0 0, false, INTENSIVE_OUTPATIENT",
            "1 0 2 2 3 1, false, INTENSIVE_OUTPATIENT",
            "0 0 3 0 3 0, false, PARTIAL_HOSPITALIZATION",
            "4 0 0 0 0 0, false, RESIDENTIAL",
            "0 0 0 0 0 4, false, RESIDENTIAL",
            "1 0 2 2 2 1, true, IMMEDIATE_SAFETY_REFERRAL",
            "0 0 0 0 0 0, true, IMMEDIATE_SAFETY_REFERRAL" })
    void recommends(String ratings, boolean highSuicideRisk, LevelOfCare expected) {
        String[] r = ratings.split(" ");
        AsamDimensions dimensions = new AsamDimensions(Integer.valueOf(r[0]), Integer.valueOf(r[1]),
                Integer.valueOf(r[2]), Integer.valueOf(r[3]), Integer.valueOf(r[4]), Integer.valueOf(r[5]));

        assertEquals(expected, rules.recommend(dimensions, highSuicideRisk));
    }
}
