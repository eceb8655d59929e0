package org.sernn.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class ScalingChoiceTest {

    @Test
    void picksTheSmallestDegreeWhoseThetaBoundsTheNorm() {
        assertEquals(new ScalingChoice(PadeDegree.M3, 0), ScalingChoice.forNorm(0));
        PadeDegree[] degrees = PadeDegree.values();
        for (int i = 0; i < degrees.length; i++) {
            double theta = degrees[i].theta();
            assertEquals(new ScalingChoice(degrees[i], 0), ScalingChoice.forNorm(theta));
            PadeDegree next = i + 1 < degrees.length ? degrees[i + 1] : PadeDegree.M13;
            int squarings = i + 1 < degrees.length ? 0 : 1;
            assertEquals(new ScalingChoice(next, squarings), ScalingChoice.forNorm(Math.nextUp(theta)));
        }
    }

    /** s = ceil(log2(norm / theta_13)): the scaled norm is within (theta_13 / 2, theta_13]. */
    @ParameterizedTest
    @ValueSource(doubles = {5.5, 10, 50, 1e3, 1e6, 5.371920351148152 * 1024})
    void squaringsAreTheFewestThatBringTheNormBelowTheta13(double norm) {
        ScalingChoice choice = ScalingChoice.forNorm(norm);

        assertEquals(PadeDegree.M13, choice.degree());
        double theta = PadeDegree.M13.theta();
        assertTrue(Math.scalb(norm, -choice.squarings()) <= theta);
        assertTrue(Math.scalb(norm, 1 - choice.squarings()) > theta);
    }

    /** With b_m = 1, b_j = c_j / c_m = (2m - j)! / (j! (m - j)!); the table must hold these integers. */
    @ParameterizedTest
    @EnumSource(PadeDegree.class)
    void coefficientsAreThePadeCoefficientsOfExp(PadeDegree degree) {
        int m = degree.m();
        for (int j = 0; j <= m; j++) {
            BigInteger exact = factorial(2 * m - j).divide(factorial(j).multiply(factorial(m - j)));
            assertEquals(new BigDecimal(exact).doubleValue(), degree.b(j), 0, degree + " b_" + j);
        }
    }

    private static BigInteger factorial(int k) {
        BigInteger f = BigInteger.ONE;
        for (int i = 2; i <= k; i++) {
            f = f.multiply(BigInteger.valueOf(i));
        }
        return f;
    }
}
