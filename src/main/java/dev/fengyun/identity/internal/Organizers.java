package dev.fengyun.identity.internal;

import dev.fengyun.identity.Membership;
import dev.fengyun.identity.Organizer;
import dev.fengyun.identity.OrganizerRole;
import dev.fengyun.platform.Jdbc;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Organizers, addressed publicly by slug. */
@Repository
public class Organizers {

    private static final String INSERT =
            """
            INSERT INTO organizers (slug, name) VALUES (:slug, :name)
            ON CONFLICT (slug) DO NOTHING
            RETURNING id, slug, name, created_at
            """;

    private static final String BY_SLUG =
            "SELECT id, slug, name, created_at FROM organizers WHERE slug = :slug";

    private static final String BY_ID =
            "SELECT id, slug, name, created_at FROM organizers WHERE id = :id";

    private static final String ALL =
            "SELECT id, slug, name, created_at FROM organizers ORDER BY slug";

    private static final String OF_ACCOUNT =
            """
            SELECT o.id, o.slug, o.name, o.created_at, m.role
            FROM organizers o JOIN memberships m ON m.organizer_id = o.id
            WHERE m.account_id = :accountId
            ORDER BY o.slug
            """;

    private final JdbcClient jdbc;

    Organizers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Empty when the slug is taken. */
    public Optional<Organizer> insert(String slug, String name) {
        return jdbc.sql(INSERT)
                .param("slug", slug)
                .param("name", name)
                .query(Organizers::map)
                .optional();
    }

    public Optional<Organizer> findBySlug(String slug) {
        return jdbc.sql(BY_SLUG).param("slug", slug).query(Organizers::map).optional();
    }

    public Optional<Organizer> findById(long id) {
        return jdbc.sql(BY_ID).param("id", id).query(Organizers::map).optional();
    }

    public List<Organizer> all() {
        return jdbc.sql(ALL).query(Organizers::map).list();
    }

    public List<Membership> ofAccount(long accountId) {
        return jdbc.sql(OF_ACCOUNT)
                .param("accountId", accountId)
                .query(
                        (rows, n) ->
                                new Membership(
                                        map(rows, n),
                                        OrganizerRole.valueOf(rows.getString("role"))))
                .list();
    }

    private static Organizer map(ResultSet rows, int rowNum) throws SQLException {
        return new Organizer(
                rows.getLong("id"),
                rows.getString("slug"),
                rows.getString("name"),
                Jdbc.instant(rows, "created_at"));
    }
}
