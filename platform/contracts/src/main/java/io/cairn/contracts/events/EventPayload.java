package io.cairn.contracts.events;

import java.util.UUID;

/** The data of a Cairn event. Every event is about one patient: its Kafka key and CloudEvents subject. */
public interface EventPayload {

    UUID patientId();
}
