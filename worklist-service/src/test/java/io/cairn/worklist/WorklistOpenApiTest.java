package io.cairn.worklist;

import io.cairn.testkit.OpenApiContract;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class WorklistOpenApiTest extends OpenApiContract {

    @Override
    protected int minimumOperations() {
        return 5;
    }
}
