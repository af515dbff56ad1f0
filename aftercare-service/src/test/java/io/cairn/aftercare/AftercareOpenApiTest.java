package io.cairn.aftercare;

import io.cairn.testkit.OpenApiContract;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class AftercareOpenApiTest extends OpenApiContract {

    @Override
    protected int minimumOperations() {
        return 7;
    }
}
