package io.cairn.billing.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** The control numbers of the interchanges the clinic sends (ISA13, GS06): one sequence, nine digits, wrapping. */
@ApplicationScoped
public class InterchangeNumbers {

    private final EntityManager entities;

    InterchangeNumbers(EntityManager entities) {
        this.entities = entities;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    long next() {
        return ((Number) entities.createNativeQuery("SELECT nextval('interchange_control_number')")
                .getSingleResult()).longValue();
    }
}
