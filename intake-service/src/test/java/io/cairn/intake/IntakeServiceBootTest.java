package io.cairn.intake;

import io.cairn.testkit.CairnInfrastructure;
import io.cairn.testkit.ServiceBootContract;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(CairnInfrastructure.class)
class IntakeServiceBootTest extends ServiceBootContract {
}
