package io.cairn.kit.testapp;

import io.cairn.testkit.KafkaResource;
import io.cairn.testkit.OidcResource;
import io.cairn.testkit.PostgresResource;
import io.quarkus.test.common.QuarkusTestResource;

/** Real PostgreSQL, Kafka and OIDC issuer for every test of this module (test resources are global). */
@QuarkusTestResource(PostgresResource.class)
@QuarkusTestResource(KafkaResource.class)
@QuarkusTestResource(OidcResource.class)
public class KitTestResources {
}
