package dev.fengyun.loadtest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * CPU time of the processes sharing the machine during the measured rush — the application,
 * PostgreSQL (postmaster and children) and this driver — read from /proc, so the report can say
 * which of them the cores went to.
 */
final class CpuMeter {

    private static final double TICKS_PER_SECOND = 100.0;

    private final long appPid;
    private final long postmasterPid;

    CpuMeter(long appPid, long postmasterPid) {
        this.appPid = appPid;
        this.postmasterPid = postmasterPid;
    }

    /** Seconds of CPU used so far: {app, database, driver}. */
    double[] snapshot() {
        List<Long> database = new ArrayList<>();
        if (postmasterPid > 0) {
            database.add(postmasterPid);
            database.addAll(children(postmasterPid));
        }
        return new double[] {
            appPid > 0 ? seconds(List.of(appPid)) : 0,
            seconds(database),
            ProcessHandle.current().info().totalCpuDuration().map(d -> d.toMillis() / 1000.0).orElse(0.0)
        };
    }

    private static double seconds(List<Long> pids) {
        long ticks = 0;
        for (long pid : pids) {
            try {
                String[] fields = Files.readString(Path.of("/proc", Long.toString(pid), "stat")).split(" ");
                ticks += Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
            } catch (IOException | RuntimeException e) {
                // the process ended; its time is gone with it
            }
        }
        return ticks / TICKS_PER_SECOND;
    }

    private static List<Long> children(long pid) {
        List<Long> children = new ArrayList<>();
        try (var tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks.toList()) {
                String list = Files.readString(task.resolve("children")).trim();
                if (!list.isEmpty()) {
                    for (String child : list.split(" ")) {
                        children.add(Long.parseLong(child));
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // no /proc here: report zero
        }
        return children;
    }
}
