package io.cairn.worklist;

import io.cairn.testkit.CairnInfrastructure;
import io.cairn.testkit.ServiceBootContract;
import io.cairn.testkit.SmtpResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(CairnInfrastructure.class)
@QuarkusTestResource(SmtpResource.class)
class WorklistServiceBootTest extends ServiceBootContract {
}
