package org.sernn.hardware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.sernn.UserError;
import org.sernn.hardware.HardwareProfile.MeshSpec;
import org.sernn.model.Network;

/**
 * Hops of the three-unit network of {@link EnergyModelTest} (0 -> 2; 1 -> 0, 1 -> 2; units 0 and 2
 * feed the readout), one unit per core, two spikes each from units 0 and 1, worked by hand.
 */
class MeshRoutingTest {
    private static final double[] SPIKES = {2, 2, 0};
    /** units 0, 1, 2 on cores 0, 1, 2; the readout on core 3 */
    private static final CorePlacement ONE_PER_CORE = new CorePlacement(new int[] {0, 1, 2}, 3);

    private static MeshSpec mesh(int tilesX, int tilesY, int coresPerTile) {
        return new MeshSpec(tilesX, tilesY, coresPerTile, EnergyRange.exactly(3.0e-12), EnergyRange.exactly(4.2e-12),
                EnergyRange.exactly(1.7e-12), EnergyRange.exactly(1.0e-12));
    }

    private static MeshRouting.Cost route(MeshSpec mesh) {
        Network network = EnergyModelTest.tinyNetwork();
        return MeshRouting.perInference(network.wRec(), network.wOut(), ONE_PER_CORE, mesh, SPIKES, "test");
    }

    @Test
    void serpentineTilesOnATwoByTwoMesh() {
        // tiles 0 (0, 0), 1 (1, 0), 2 (1, 1), 3 (0, 1)
        MeshSpec mesh = mesh(2, 2, 1);
        assertEquals(2, MeshRouting.blockWidth(4, mesh));
        assertEquals(0, MeshRouting.tileX(3, mesh, 2));
        assertEquals(1, MeshRouting.tileY(3, mesh, 2));
        assertEquals(1, MeshRouting.tileX(2, mesh, 2));
    }

    @Test
    void usedTilesFillANearSquareBlock() {
        // Loihi's 8 x 4 tiles of 4 cores: 21 cores use 6 tiles, a block 3 wide; 100 cores (25 tiles)
        // would need 5 rows of 5 but the mesh has 4, so the block takes the full width of 8
        MeshSpec loihi = mesh(8, 4, 4);
        assertEquals(3, MeshRouting.blockWidth(21, loihi));
        assertEquals(8, MeshRouting.blockWidth(100, loihi));
        // core 20 is on tile 5: row 1, serpentine column 2 -> x = 3 - 1 - 2 = 0
        assertEquals(0, MeshRouting.tileX(20, loihi, 3));
        assertEquals(1, MeshRouting.tileY(20, loihi, 3));
    }

    @Test
    void hopsAreManhattanDistancesOnePacketPerDestinationCore() {
        MeshRouting.Cost cost = route(mesh(2, 2, 1));
        // unit 0 at (0, 0) -> unit 2's core (1, 1): 1 EW + 1 NS; -> readout core (0, 1): 1 NS
        // unit 1 at (1, 0) -> unit 0's core (0, 0): 1 EW; -> unit 2's core (1, 1): 1 NS
        // 2 spikes each: 8 packets, 4 EW hops, 6 NS hops, none within a tile
        assertEquals(8, cost.packets());
        assertEquals(4, cost.eastWestHops());
        assertEquals(6, cost.northSouthHops());
        assertEquals(0, cost.withinTilePackets());
        assertEquals(8 * 1.0e-12 + 4 * 3.0e-12 + 6 * 4.2e-12, cost.joules().point(), 1e-24);
    }

    @Test
    void coresSharingATileExchangePacketsWithoutHops() {
        // cores 0, 1 on tile (0, 0); cores 2, 3 on tile (1, 0)
        MeshRouting.Cost cost = route(mesh(2, 1, 2));
        // unit 0 -> cores 2 and 3: 1 EW each; unit 1 -> core 0 (same tile), core 2: 1 EW
        assertEquals(8, cost.packets());
        assertEquals(2, cost.withinTilePackets());
        assertEquals(6, cost.eastWestHops());
        assertEquals(0, cost.northSouthHops());
        assertEquals(8 * 1.0e-12 + 2 * 1.7e-12 + 6 * 3.0e-12, cost.joules().point(), 1e-24);
    }

    @Test
    void aNetworkNeedingMoreCoresThanTheMeshIsRefused() {
        UserError e = assertThrows(UserError.class, () -> route(mesh(1, 1, 2)));
        assertEquals("test: the network needs 4 cores (recurrent units and readout) but the mesh has 2 "
                + "(energy.mesh: tiles_x x tiles_y x cores_per_tile); raise --neurons-per-core", e.getMessage());
    }
}
