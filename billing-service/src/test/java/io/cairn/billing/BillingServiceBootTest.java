package io.cairn.billing;

import io.cairn.testkit.CairnInfrastructure;
import io.cairn.testkit.ServiceBootContract;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(CairnInfrastructure.class)
class BillingServiceBootTest extends ServiceBootContract {
}
