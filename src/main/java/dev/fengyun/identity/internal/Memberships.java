package dev.fengyun.identity.internal;

import dev.fengyun.identity.OrganizerMember;
import dev.fengyun.identity.OrganizerRole;
import dev.fengyun.platform.Jdbc;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Who belongs to which organizer, in which role. */
@Repository
public class Memberships {

    private static final String ROLE_OF =
            "SELECT role FROM memberships WHERE organizer_id = :organizerId AND account_id = :accountId";

    private static final String UPSERT =
            """
            INSERT INTO memberships (organizer_id, account_id, role)
            VALUES (:organizerId, :accountId, :role)
            ON CONFLICT (organizer_id, account_id) DO UPDATE SET role = EXCLUDED.role
            """;

    private static final String DELETE =
            "DELETE FROM memberships WHERE organizer_id = :organizerId AND account_id = :accountId";

    private static final String MEMBERS =
            """
            SELECT a.id, a.email, a.display_name, m.role, m.created_at
            FROM memberships m JOIN accounts a ON a.id = m.account_id
            WHERE m.organizer_id = :organizerId
            ORDER BY a.email
            """;

    /** Locks the organizer's owner rows so two concurrent demotions cannot leave no owner. */
    private static final String OWNERS_FOR_UPDATE =
            """
            SELECT account_id FROM memberships
            WHERE organizer_id = :organizerId AND role = 'OWNER'
            FOR UPDATE
            """;

    private final JdbcClient jdbc;

    Memberships(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<OrganizerRole> roleOf(long organizerId, long accountId) {
        return jdbc.sql(ROLE_OF)
                .param("organizerId", organizerId)
                .param("accountId", accountId)
                .query(String.class)
                .optional()
                .map(OrganizerRole::valueOf);
    }

    public void put(long organizerId, long accountId, OrganizerRole role) {
        jdbc.sql(UPSERT)
                .param("organizerId", organizerId)
                .param("accountId", accountId)
                .param("role", role.name())
                .update();
    }

    public boolean remove(long organizerId, long accountId) {
        return jdbc.sql(DELETE)
                        .param("organizerId", organizerId)
                        .param("accountId", accountId)
                        .update()
                == 1;
    }

    public List<Long> lockOwners(long organizerId) {
        return jdbc.sql(OWNERS_FOR_UPDATE)
                .param("organizerId", organizerId)
                .query(Long.class)
                .list();
    }

    public List<OrganizerMember> members(long organizerId) {
        return jdbc.sql(MEMBERS)
                .param("organizerId", organizerId)
                .query(
                        (rows, n) ->
                                new OrganizerMember(
                                        rows.getLong("id"),
                                        rows.getString("email"),
                                        rows.getString("display_name"),
                                        OrganizerRole.valueOf(rows.getString("role")),
                                        Jdbc.instant(rows, "created_at")))
                .list();
    }
}
