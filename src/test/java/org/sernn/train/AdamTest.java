package org.sernn.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AdamTest {
    @Test
    void firstStepsMatchTheClosedForm() {
        // With a constant gradient g, m_hat = g and v_hat = g^2 at every step, so each step moves
        // every weight by -lr * g / (|g| + eps).
        Params w = new Params(1, 2, 1);
        Params g = w.zerosLike();
        g.wRec[0] = 0.5;
        g.wRec[1] = -2.0;
        g.bOut[0] = 1e-3;
        Adam adam = new Adam(w, 0.01, 0.9, 0.999, 1e-8);
        for (int k = 1; k <= 3; k++) {
            adam.update(w, g);
            assertEquals(-0.01 * k * 0.5 / (0.5 + 1e-8), w.wRec[0], 1e-15);
            assertEquals(0.01 * k * 2.0 / (2.0 + 1e-8), w.wRec[1], 1e-15);
            assertEquals(-0.01 * k * 1e-3 / (1e-3 + 1e-8), w.bOut[0], 1e-15);
            assertEquals(0.0, w.wIn[0]);
        }
        assertEquals(3, adam.step());
    }

    @Test
    void secondStepWithChangingGradientFollowsTheRecursion() {
        Params w = new Params(1, 1, 1);
        Params g = w.zerosLike();
        Adam adam = new Adam(w, 0.1, 0.9, 0.999, 1e-8);
        g.wRec[0] = 1.0;
        adam.update(w, g);
        g.wRec[0] = -3.0;
        adam.update(w, g);
        double m = 0.9 * 0.1 * 1.0 + 0.1 * -3.0;
        double v = 0.999 * 0.001 * 1.0 + 0.001 * 9.0;
        double mHat = m / (1 - 0.81);
        double vHat = v / (1 - 0.998001);
        double first = -0.1 * 1.0 / (1.0 + 1e-8);
        assertEquals(first - 0.1 * mHat / (Math.sqrt(vHat) + 1e-8), w.wRec[0], 1e-14);
    }
}
