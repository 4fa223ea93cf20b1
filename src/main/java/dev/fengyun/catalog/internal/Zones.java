package dev.fengyun.catalog.internal;

import dev.fengyun.catalog.Zone;
import dev.fengyun.catalog.ZoneDraft;
import dev.fengyun.catalog.ZoneKind;
import dev.fengyun.platform.Money;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Price zones and general-admission ticket types of performances. */
@Repository
public class Zones {

    private static final String COLUMNS =
            "z.id, z.performance_id, z.name, z.kind, z.price_minor, p.currency, z.categories, z.capacity,"
                    + " z.standing_area, z.color, z.sort_order, z.version";

    private static final String SELECT =
            "SELECT " + COLUMNS + " FROM zones z JOIN performances p ON p.id = z.performance_id";

    private static final String INSERT =
            """
            INSERT INTO zones (performance_id, name, kind, price_minor, categories, capacity, standing_area,
                               color, sort_order)
            VALUES (:performanceId, :name, :kind, :price, :categories, :capacity, :standingArea, :color, :sortOrder)
            RETURNING id
            """;

    private static final String UPDATE =
            """
            UPDATE zones SET name = :name, kind = :kind, price_minor = :price, categories = :categories,
                   capacity = :capacity, standing_area = :standingArea, color = :color, sort_order = :sortOrder,
                   version = version + 1
            WHERE id = :id
            """;

    private static final String LOCK =
            "SELECT version FROM zones WHERE id = :id AND performance_id = :performanceId FOR UPDATE";

    private final JdbcClient jdbc;

    Zones(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(long performanceId, ZoneDraft draft) {
        return bind(jdbc.sql(INSERT).param("performanceId", performanceId), draft)
                .query(Long.class)
                .single();
    }

    public void update(long id, ZoneDraft draft) {
        bind(jdbc.sql(UPDATE).param("id", id), draft).update();
    }

    public Optional<Integer> lockVersion(long performanceId, long id) {
        return jdbc.sql(LOCK)
                .param("id", id)
                .param("performanceId", performanceId)
                .query(Integer.class)
                .optional();
    }

    public void delete(long id) {
        jdbc.sql("DELETE FROM zones WHERE id = :id").param("id", id).update();
    }

    public List<Zone> ofPerformance(long performanceId) {
        return jdbc.sql(SELECT + " WHERE z.performance_id = :id ORDER BY z.sort_order, z.id")
                .param("id", performanceId)
                .query(Zones::map)
                .list();
    }

    public List<Zone> ofPerformances(Collection<Long> performanceIds) {
        if (performanceIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " WHERE z.performance_id IN (:ids) ORDER BY z.sort_order, z.id")
                .param("ids", performanceIds)
                .query(Zones::map)
                .list();
    }

    private static JdbcClient.StatementSpec bind(
            JdbcClient.StatementSpec statement, ZoneDraft draft) {
        List<String> categories = draft.categories() == null ? List.of() : draft.categories();
        return statement
                .param("name", draft.name().trim())
                .param("kind", draft.kind().name())
                .param("price", draft.price().minor())
                .param("categories", categories.toArray(String[]::new))
                .param("capacity", draft.capacity())
                .param("standingArea", draft.standingArea())
                .param("color", draft.color())
                .param("sortOrder", draft.sortOrder() == null ? 0 : draft.sortOrder());
    }

    static Zone map(ResultSet rows, int n) throws SQLException {
        Array categories = rows.getArray("categories");
        int capacity = rows.getInt("capacity");
        boolean hasCapacity = !rows.wasNull();
        return new Zone(
                rows.getLong("id"),
                rows.getLong("performance_id"),
                rows.getString("name"),
                ZoneKind.valueOf(rows.getString("kind")),
                Money.of(rows.getLong("price_minor"), rows.getString("currency")),
                categories == null ? List.of() : Arrays.asList((String[]) categories.getArray()),
                hasCapacity ? capacity : null,
                rows.getString("standing_area"),
                rows.getString("color"),
                rows.getInt("sort_order"),
                rows.getInt("version"));
    }
}
