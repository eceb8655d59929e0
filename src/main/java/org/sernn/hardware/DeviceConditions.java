package org.sernn.hardware;

/**
 * Which physical instance of a target and when it is read: the device seed draws stochastic
 * rounding, faults and noise; time since programming and drift compensation matter on crossbars.
 */
public record DeviceConditions(long deviceSeed, double secondsSinceProgramming, boolean driftCompensation) {
    public DeviceConditions {
        if (!(secondsSinceProgramming >= 0) || Double.isInfinite(secondsSinceProgramming)) {
            throw new IllegalArgumentException("seconds since programming must be finite and >= 0, was "
                    + secondsSinceProgramming);
        }
    }

    /** One second after programming, compensated: the default read. */
    public static DeviceConditions fresh(long deviceSeed) {
        return new DeviceConditions(deviceSeed, 1.0, true);
    }
}
