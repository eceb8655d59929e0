package org.sernn.cli.demo;

/**
 * How much work the demo's side steps do, following the demo's {@code --epochs} and {@code --trials}
 * so that a short demo (CI runs {@code --epochs 1 --trials 16}) is short throughout. The default demo
 * ({@value #DEFAULT_EPOCHS} epochs, {@value #DEFAULT_TRIALS} trials) gets the full budget; fewer epochs
 * scale the rate model's and e-prop's epochs down in proportion (rounded up, at least
 * {@value #MIN_EPOCHS}), fewer trials the hardware trials; more never raises them above the full budget.
 *
 * @param rateEpochs     epochs of the rate seRNN trained for the energy comparison
 * @param epropEpochs    epochs of the short e-prop training run
 * @param hardwareTrials test trials per hardware target (deploy and energy comparison)
 */
public record DemoBudget(int rateEpochs, int epropEpochs, int hardwareTrials) {
    public static final int DEFAULT_EPOCHS = 4;
    public static final int DEFAULT_TRIALS = 64;
    /** models/rate-sernn.yaml (seed 1) reaches validation accuracy 1.0 at epoch 6; 3 epochs stay near 0.76. */
    static final int FULL_RATE_EPOCHS = 7;
    static final int FULL_EPROP_EPOCHS = 6;
    static final int FULL_HARDWARE_TRIALS = 256;
    /** Below two epochs neither side model learns enough for its numbers to mean anything. */
    static final int MIN_EPOCHS = 2;

    public static DemoBudget of(int epochs, int trials) {
        return new DemoBudget(scaledEpochs(FULL_RATE_EPOCHS, epochs), scaledEpochs(FULL_EPROP_EPOCHS, epochs),
                Math.min(FULL_HARDWARE_TRIALS, FULL_HARDWARE_TRIALS / DEFAULT_TRIALS * trials));
    }

    private static int scaledEpochs(int full, int epochs) {
        int scaled = (int) Math.ceil((double) full * Math.min(epochs, DEFAULT_EPOCHS) / DEFAULT_EPOCHS);
        return Math.max(Math.min(MIN_EPOCHS, full), scaled);
    }
}
