package io.ferry.s3.imports;

import io.ferry.core.FerryConfigException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Packs selected objects into groups of about a target size, one group per task of a parallel
 * read (a Spark input partition, a worker's share). Pure: no I/O.
 *
 * <p>Every object stays whole: a compressed object cannot be split, and a plain one is not split
 * either, because a cut at a byte offset would need a line-aligned start that quoted CSV fields
 * with line breaks make unsafe, and a header line to skip only in the first piece. An object larger
 * than the target is a group of its own.
 *
 * <p>The rule, as Spark packs files: each object counts its size plus an open cost (the price of
 * one more GetObject); objects are taken largest first and added to the current group while it
 * stays within the target, else a new group starts. Within a group the objects keep their listing
 * order, and groups are ordered by their first object, so the result depends only on the input.
 *
 * <pre>{@code
 * List<List<SelectedObject>> groups = ObjectGroups.pack(selection.objects(), 256L << 20, 0);
 * }</pre>
 */
public final class ObjectGroups {
    /** Default target size of a group: 128 MB. */
    public static final long DEFAULT_TARGET_BYTES = 128L * 1024 * 1024;
    /**
     * Default open cost per object: 1 MB. Lower than Spark's 4 MB because a Ferry read fetches the
     * next small objects of its group in parallel, which hides most of a GetObject's latency.
     */
    public static final long DEFAULT_OPEN_COST_BYTES = 1024L * 1024;

    private ObjectGroups() {
    }

    /**
     * Groups of up to {@link #DEFAULT_TARGET_BYTES}, counting {@link #DEFAULT_OPEN_COST_BYTES} per object.
     *
     * @param objects the objects in listing order, not null
     * @return the groups, none empty; no group when there is no object
     */
    public static List<List<SelectedObject>> pack(List<SelectedObject> objects) {
        return pack(objects, DEFAULT_TARGET_BYTES, DEFAULT_OPEN_COST_BYTES);
    }

    /**
     * Groups of up to {@code targetBytes}, each object counting its size plus {@code openCostBytes}.
     *
     * @param objects       the objects in listing order, not null
     * @param targetBytes   the largest group, at least 1; a larger object is a group of its own
     * @param openCostBytes bytes counted per object for the cost of opening it, 0 or more
     * @return the groups, none empty; no group when there is no object
     * @throws FerryConfigException if {@code objects} is null or a size is out of range
     */
    public static List<List<SelectedObject>> pack(List<SelectedObject> objects, long targetBytes, long openCostBytes) {
        FerryConfigException.requireNonNull(objects, "objects");
        if (targetBytes < 1) {
            throw new FerryConfigException("targetBytes", "targetBytes must be at least 1, was " + targetBytes);
        }
        if (openCostBytes < 0) {
            throw new FerryConfigException("openCostBytes", "openCostBytes must be 0 or more, was " + openCostBytes);
        }
        List<Integer> bySize = new ArrayList<>(objects.size());
        for (int i = 0; i < objects.size(); i++) {
            bySize.add(i);
        }
        // stable: equal sizes keep their listing order
        bySize.sort(Comparator.comparingLong((Integer i) -> objects.get(i).size()).reversed());
        List<List<Integer>> groups = new ArrayList<>();
        List<Integer> current = new ArrayList<>();
        long currentBytes = 0;
        for (int i : bySize) {
            long cost = Math.addExact(objects.get(i).size(), openCostBytes);
            if (!current.isEmpty() && currentBytes + cost > targetBytes) {
                groups.add(current);
                current = new ArrayList<>();
                currentBytes = 0;
            }
            current.add(i);
            currentBytes += cost;
        }
        if (!current.isEmpty()) {
            groups.add(current);
        }
        List<List<SelectedObject>> out = new ArrayList<>(groups.size());
        groups.stream()
                .map(g -> g.stream().sorted().toList())
                .sorted(Comparator.comparingInt(g -> g.get(0)))
                .forEach(g -> out.add(g.stream().map(objects::get).toList()));
        return List.copyOf(out);
    }
}
