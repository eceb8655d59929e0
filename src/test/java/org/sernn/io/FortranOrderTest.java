package org.sernn.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class FortranOrderTest {

    /** Element (i, j, k) of shape (2, 3, 4) has the value 100 i + 10 j + k. */
    @Test
    void threeDimensionalColumnMajorBecomesRowMajor() {
        int[] shape = {2, 3, 4};
        byte[] fortran = new byte[24];
        byte[] expected = new byte[24];
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 3; j++) {
                for (int k = 0; k < 4; k++) {
                    byte value = (byte) (100 * i + 10 * j + k);
                    fortran[i + 2 * j + 6 * k] = value;
                    expected[12 * i + 4 * j + k] = value;
                }
            }
        }
        assertArrayEquals(expected, FortranOrder.toCOrder(fortran, shape, 1));
    }

    @Test
    void multiByteElementsMoveWhole() {
        byte[] fortran = {1, 1, 3, 3, 2, 2, 4, 4};
        assertArrayEquals(new byte[] {1, 1, 2, 2, 3, 3, 4, 4}, FortranOrder.toCOrder(fortran, new int[] {2, 2}, 2));
    }

    @Test
    void oneDimensionalAndEmptyArraysAreUnchanged() {
        assertArrayEquals(new byte[] {1, 2, 3}, FortranOrder.toCOrder(new byte[] {1, 2, 3}, new int[] {3}, 1));
        assertArrayEquals(new byte[0], FortranOrder.toCOrder(new byte[0], new int[] {0, 5}, 8));
    }
}
