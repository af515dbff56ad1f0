package io.cairn.kit.persistence;

import jakarta.persistence.EntityManager;

/** PostgreSQL advisory locks held to the end of the transaction: serialize the checks that guard one key. */
public final class Locks {

    private Locks() {
    }

    public static void forKey(EntityManager entities, String key) {
        entities.createNativeQuery("SELECT pg_advisory_xact_lock(hashtextextended(?1, 0))").setParameter(1, key)
                .getSingleResult();
    }

    /** The lock if no other transaction holds it; {@code false} at once otherwise. */
    public static boolean tryForKey(EntityManager entities, String key) {
        return (Boolean) entities.createNativeQuery("SELECT pg_try_advisory_xact_lock(hashtextextended(?1, 0))")
                .setParameter(1, key).getSingleResult();
    }
}
