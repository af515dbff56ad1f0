package io.cairn.treatmentplan;

import io.cairn.testkit.OpenApiContract;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class TreatmentPlanOpenApiTest extends OpenApiContract {

    @Override
    protected int minimumOperations() {
        return 15;
    }
}
