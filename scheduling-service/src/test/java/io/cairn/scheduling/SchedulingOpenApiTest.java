package io.cairn.scheduling;

import io.cairn.testkit.OpenApiContract;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class SchedulingOpenApiTest extends OpenApiContract {

    @Override
    protected int minimumOperations() {
        return 14;
    }
}
