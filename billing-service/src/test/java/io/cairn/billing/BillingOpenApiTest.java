package io.cairn.billing;

import io.cairn.testkit.OpenApiContract;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class BillingOpenApiTest extends OpenApiContract {

    @Override
    protected int minimumOperations() {
        return 8;
    }
}
