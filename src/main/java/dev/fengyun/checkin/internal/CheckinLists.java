package dev.fengyun.checkin.internal;

import dev.fengyun.checkin.CheckinList;
import dev.fengyun.checkin.CheckinListDraft;
import dev.fengyun.platform.Jdbc;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Repository;

@Repository
public class CheckinLists {

    private static final String COLUMNS =
            "id, organizer_id, performance_id, name, zone_ids, exits, reentry, created_at";

    private final JdbcClient jdbc;

    CheckinLists(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public CheckinList insert(long organizerId, CheckinListDraft draft) {
        long id =
                jdbc.sql(
                                """
                                INSERT INTO checkin_lists (organizer_id, performance_id, name, zone_ids, exits, reentry)
                                VALUES (:org, :performanceId, :name, :zoneIds, :exits, :reentry)
                                RETURNING id
                                """)
                        .param("org", organizerId)
                        .param("performanceId", draft.performanceId())
                        .param("name", draft.name())
                        .param("zoneIds", zoneIds(draft.zoneIds()))
                        .param("exits", draft.exits())
                        .param("reentry", draft.reentry())
                        .query(Long.class)
                        .single();
        return find(organizerId, id).orElseThrow();
    }

    /** The performance's default list (every zone, no exits), created by the first caller. */
    public CheckinList defaultFor(long organizerId, long performanceId) {
        jdbc.sql(
                        """
                        INSERT INTO checkin_lists (organizer_id, performance_id, name, is_default)
                        VALUES (:org, :performanceId, 'All zones', true)
                        ON CONFLICT (performance_id) WHERE is_default DO NOTHING
                        """)
                .param("org", organizerId)
                .param("performanceId", performanceId)
                .update();
        return jdbc.sql(
                        "SELECT "
                                + COLUMNS
                                + " FROM checkin_lists WHERE performance_id = :performanceId AND is_default")
                .param("performanceId", performanceId)
                .query(CheckinLists::map)
                .single();
    }

    public boolean update(long organizerId, long id, CheckinListDraft draft) {
        return jdbc.sql(
                                """
                                UPDATE checkin_lists SET name = :name, zone_ids = :zoneIds, exits = :exits, reentry = :reentry
                                WHERE organizer_id = :org AND id = :id
                                """)
                        .param("org", organizerId)
                        .param("id", id)
                        .param("name", draft.name())
                        .param("zoneIds", zoneIds(draft.zoneIds()))
                        .param("exits", draft.exits())
                        .param("reentry", draft.reentry())
                        .update()
                == 1;
    }

    public boolean delete(long organizerId, long id) {
        return jdbc.sql("DELETE FROM checkin_lists WHERE organizer_id = :org AND id = :id")
                        .param("org", organizerId)
                        .param("id", id)
                        .update()
                == 1;
    }

    public Optional<CheckinList> find(long organizerId, long id) {
        return jdbc.sql(
                        "SELECT "
                                + COLUMNS
                                + " FROM checkin_lists WHERE organizer_id = :org AND id = :id")
                .param("org", organizerId)
                .param("id", id)
                .query(CheckinLists::map)
                .optional();
    }

    public List<CheckinList> ofPerformance(long organizerId, Long performanceId) {
        return jdbc.sql(
                        "SELECT "
                                + COLUMNS
                                + " FROM checkin_lists WHERE organizer_id = :org"
                                + " AND (CAST(:performanceId AS bigint) IS NULL OR performance_id = :performanceId)"
                                + " ORDER BY performance_id, id")
                .param("org", organizerId)
                .param("performanceId", performanceId)
                .query(CheckinLists::map)
                .list();
    }

    private static SqlArrayValue zoneIds(List<Long> zoneIds) {
        return zoneIds == null ? null : new SqlArrayValue("bigint", zoneIds.toArray());
    }

    private static CheckinList map(ResultSet rows, int n) throws SQLException {
        Array zones = rows.getArray("zone_ids");
        return new CheckinList(
                rows.getLong("id"),
                rows.getLong("organizer_id"),
                rows.getLong("performance_id"),
                rows.getString("name"),
                zones == null ? null : Arrays.asList((Long[]) zones.getArray()),
                rows.getBoolean("exits"),
                rows.getBoolean("reentry"),
                Jdbc.instant(rows, "created_at"));
    }
}
