package io.cairn.kit.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Remembers which events each consumer applied. Recorded in the transaction of the effect, so an event is either
 * applied and remembered, or neither; a second delivery of the same event id finds it remembered.
 */
@ApplicationScoped
public class Inbox {

    private static final String REMEMBER = """
            INSERT INTO inbox_event (consumer, event_id, event_type, patient_id) VALUES (?, ?, ?, ?)
            ON CONFLICT DO NOTHING
            """;

    private final DataSource dataSource;

    Inbox(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Records that {@code consumer} applies {@code event} now. Returns {@code false} when it already did: the caller
     * must then skip the effect. A concurrent second delivery waits on the first one's row lock and then sees it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(String consumer, IncomingEvent event) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(REMEMBER)) {
            insert.setString(1, consumer);
            insert.setObject(2, event.envelope().id());
            insert.setString(3, event.envelope().type());
            insert.setString(4, event.envelope().subject());
            return insert.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("Inbox unavailable", e);
        }
    }
}
