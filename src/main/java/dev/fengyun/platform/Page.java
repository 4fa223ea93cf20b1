package dev.fengyun.platform;

import java.util.List;

/** One page of a longer list: {@code {"items":[…],"page":1,"size":20,"total":57}}. */
public record Page<T>(List<T> items, int page, int size, long total) {

    public static final int MAX_SIZE = 100;

    /** Offset of a 1-based page. */
    public static long offset(int page, int size) {
        return (long) (page - 1) * size;
    }
}
