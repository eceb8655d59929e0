package org.sernn.hardware;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.sernn.UserError;
import org.sernn.hardware.HardwareProfile.MeshSpec;
import org.sernn.linalg.DenseMatrix;

/**
 * Packets and hops of a placed spiking network on a 2D mesh (docs/energy.md). Core c sits on tile
 * c / cores_per_tile; the tiles in use fill a near-square block of the mesh, ceil(sqrt(tiles used))
 * wide (at most tiles_x), in serpentine order (row 0 left to right, row 1 right to left, ...) so
 * consecutive tiles are neighbours. Every spike of a unit sends one packet to each
 * distinct core holding one of its non-zero recurrent or readout synapses (its own core included),
 * routed dimension-order: |dx| east-west and |dy| north-south hops (Manhattan distance between
 * tiles; Davies et al. 2018; SANA-FE). Input spikes come from the host and are not routed here.
 */
public final class MeshRouting {
    private MeshRouting() {
    }

    /** Routing of one inference; counts are per inference. */
    public record Cost(double packets, double withinTilePackets, double eastWestHops, double northSouthHops,
            EnergyRange joules) {
        public double hops() {
            return eastWestHops + northSouthHops;
        }

        public Map<String, Object> toReport() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("packets_per_inference", packets);
            map.put("within_tile_packets_per_inference", withinTilePackets);
            map.put("hops_per_inference", hops());
            map.put("east_west_hops_per_inference", eastWestHops);
            map.put("north_south_hops_per_inference", northSouthHops);
            map.put("routing_joules", joules.toReport());
            return map;
        }
    }

    /** Width in tiles of the block that {@code coresUsed} cores fill. */
    static int blockWidth(int coresUsed, MeshSpec mesh) {
        int tiles = (coresUsed + mesh.coresPerTile() - 1) / mesh.coresPerTile();
        int width = Math.min(mesh.tilesX(), (int) Math.ceil(Math.sqrt(tiles)));
        return (tiles + width - 1) / width > mesh.tilesY() ? mesh.tilesX() : width;
    }

    /** Row of a core's tile in a block {@code width} tiles wide. */
    static int tileY(int core, MeshSpec mesh, int width) {
        return core / mesh.coresPerTile() / width;
    }

    /** Column of a core's tile in a block {@code width} tiles wide (serpentine: odd rows run backwards). */
    static int tileX(int core, MeshSpec mesh, int width) {
        int column = core / mesh.coresPerTile() % width;
        return tileY(core, mesh, width) % 2 == 0 ? column : width - 1 - column;
    }

    /**
     * @param spikesPerUnit spikes of each recurrent unit per inference
     * @param source        names the profile in the message when the network needs more cores than the mesh has
     */
    public static Cost perInference(DenseMatrix wRec, DenseMatrix wOut, CorePlacement placement, MeshSpec mesh,
            double[] spikesPerUnit, String source) {
        if (placement.coresUsed() > mesh.cores()) {
            throw new UserError(source + ": the network needs " + placement.coresUsed() + " cores (recurrent units and "
                    + "readout) but the mesh has " + mesh.cores() + " (energy.mesh: tiles_x x tiles_y x cores_per_tile); "
                    + "raise --neurons-per-core");
        }
        int n = wRec.cols();
        int width = blockWidth(placement.coresUsed(), mesh);
        int[] core = placement.coreOfUnit();
        boolean[] reached = new boolean[placement.coresUsed()];
        double packets = 0;
        double within = 0;
        double eastWest = 0;
        double northSouth = 0;
        for (int pre = 0; pre < n; pre++) {
            double spikes = spikesPerUnit[pre];
            if (spikes == 0) {
                continue;
            }
            Arrays.fill(reached, false);
            for (int post = 0; post < n; post++) {
                if (wRec.get(post, pre) != 0.0) {
                    reached[core[post]] = true;
                }
            }
            for (int o = 0; o < wOut.rows(); o++) {
                if (wOut.get(o, pre) != 0.0) {
                    reached[placement.readoutCore()] = true;
                }
            }
            int fromX = tileX(core[pre], mesh, width);
            int fromY = tileY(core[pre], mesh, width);
            for (int destination = 0; destination < reached.length; destination++) {
                if (!reached[destination]) {
                    continue;
                }
                int dx = Math.abs(tileX(destination, mesh, width) - fromX);
                int dy = Math.abs(tileY(destination, mesh, width) - fromY);
                packets += spikes;
                if (dx == 0 && dy == 0) {
                    within += spikes;
                }
                eastWest += spikes * dx;
                northSouth += spikes * dy;
            }
        }
        EnergyRange joules = mesh.packetJoules().times(packets).plus(mesh.withinTileJoules().times(within))
                .plus(mesh.eastWestHopJoules().times(eastWest)).plus(mesh.northSouthHopJoules().times(northSouth));
        return new Cost(packets, within, eastWest, northSouth, joules);
    }
}
