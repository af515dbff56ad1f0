package io.cairn.intake.api;

import io.cairn.testkit.OpenApiContract;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class IntakeOpenApiTest extends OpenApiContract {

    @Override
    protected int minimumOperations() {
        return 21;
    }
}
