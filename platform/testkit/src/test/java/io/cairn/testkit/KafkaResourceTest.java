package io.cairn.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

class KafkaResourceTest {

    @Test
    void brokerKeepsItsRecordsAcrossARestart() {
        String bootstrap = new KafkaResource().start().get("kafka.bootstrap.servers");
        KafkaCompanion kafka = KafkaResource.companion();
        kafka.produceStrings().fromRecords(new ProducerRecord<>("probe", "patient-1", "before")).awaitCompletion();

        KafkaResource.stopBroker();
        KafkaResource.startBroker();
        kafka.produceStrings().fromRecords(new ProducerRecord<>("probe", "patient-1", "after")).awaitCompletion();

        assertEquals(bootstrap, KafkaResource.bootstrapServers(), "same address after the restart");
        List<String> values = kafka.consumeStrings().fromTopics("probe", 2).awaitCompletion(Duration.ofSeconds(30))
                .getRecords().stream().map(r -> r.value()).toList();
        assertEquals(List.of("before", "after"), values);
        assertEquals(KafkaResource.PARTITIONS, kafka.topics().describe("probe").get("probe").partitions().size());
    }
}
