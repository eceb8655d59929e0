package org.sernn.hardware;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import java.util.stream.IntStream;
import org.sernn.space.Positions;

/**
 * Which core each recurrent unit runs on, at most {@code neuronsPerCore} units a core, on the fewest
 * cores that hold them; the readout units take the next core (docs/energy.md).
 *
 * <p>Spatial placement is recursive coordinate bisection: the units are split at the position along
 * their widest axis that divides them in proportion to the cores on each side, recursively, so each
 * core holds a compact box of space and consecutive cores hold neighbouring boxes; cores are then
 * laid on the mesh in serpentine order ({@link MeshRouting}). Random placement shuffles the units
 * with a seed and fills the cores in the same order: the baseline a placement-unaware tool gives.
 */
public record CorePlacement(int[] coreOfUnit, int recurrentCores) {

    /** The readout's core: the one after the recurrent units' cores. */
    public int readoutCore() {
        return recurrentCores;
    }

    public int coresUsed() {
        return recurrentCores + 1;
    }

    public static CorePlacement spatial(Positions positions, int neuronsPerCore) {
        int n = positions.size();
        int cores = coresFor(n, neuronsPerCore);
        int[] coreOf = new int[n];
        bisect(positions, IntStream.range(0, n).boxed().toArray(Integer[]::new), 0, cores, coreOf);
        return new CorePlacement(coreOf, cores);
    }

    public static CorePlacement random(int units, int neuronsPerCore, long seed) {
        int cores = coresFor(units, neuronsPerCore);
        int[] order = IntStream.range(0, units).toArray();
        Random random = new Random(seed);
        for (int i = units - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        int[] coreOf = new int[units];
        for (int rank = 0; rank < units; rank++) {
            coreOf[order[rank]] = (int) ((long) rank * cores / units);
        }
        return new CorePlacement(coreOf, cores);
    }

    private static int coresFor(int units, int neuronsPerCore) {
        if (neuronsPerCore < 1) {
            throw new IllegalArgumentException("neurons per core must be at least 1, was " + neuronsPerCore);
        }
        return Math.max(1, (units + neuronsPerCore - 1) / neuronsPerCore);
    }

    /** Assigns {@code units} to cores [firstCore, firstCore + cores), ties broken by unit index. */
    private static void bisect(Positions positions, Integer[] units, int firstCore, int cores, int[] coreOf) {
        if (cores == 1) {
            for (int unit : units) {
                coreOf[unit] = firstCore;
            }
            return;
        }
        int axis = widestAxis(positions, units);
        Arrays.sort(units, Comparator.<Integer>comparingDouble(u -> coordinate(positions, u, axis))
                .thenComparingInt(u -> u));
        int leftCores = cores / 2;
        int leftUnits = (int) ((long) units.length * leftCores / cores);
        bisect(positions, Arrays.copyOfRange(units, 0, leftUnits), firstCore, leftCores, coreOf);
        bisect(positions, Arrays.copyOfRange(units, leftUnits, units.length), firstCore + leftCores,
                cores - leftCores, coreOf);
    }

    private static int widestAxis(Positions positions, Integer[] units) {
        int best = 0;
        double bestSpan = -1;
        for (int axis = 0; axis < 3; axis++) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (int unit : units) {
                double c = coordinate(positions, unit, axis);
                min = Math.min(min, c);
                max = Math.max(max, c);
            }
            if (max - min > bestSpan) {
                bestSpan = max - min;
                best = axis;
            }
        }
        return best;
    }

    private static double coordinate(Positions positions, int unit, int axis) {
        return switch (axis) {
            case 0 -> positions.x(unit);
            case 1 -> positions.y(unit);
            default -> positions.z(unit);
        };
    }
}
