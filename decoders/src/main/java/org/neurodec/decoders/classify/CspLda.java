package org.neurodec.decoders.classify;

/**
 * CSP log-power features into linear discriminant analysis, the classic decoder of band-power tasks
 * such as motor imagery (MNE's {@code Pipeline([CSP, LinearDiscriminantAnalysis])}). The LDA uses
 * empirical covariances (few features, many trials).
 */
public final class CspLda {

    private final Csp csp;
    private final ShrinkageLda lda;

    private CspLda(Csp csp, ShrinkageLda lda) {
        this.csp = csp;
        this.lda = lda;
    }

    /** Fits on epochs × channels × samples labelled 0 or 1, with {@code components} CSP filters. */
    public static CspLda fit(double[][][] x, int[] labels, int components) {
        Csp csp = Csp.fit(x, labels, components);
        return new CspLda(csp, ShrinkageLda.fitEmpirical(csp.features(x), labels, 2));
    }

    /** Each epoch's decision value: positive for label 1. */
    public double[] decision(double[][][] x) {
        return lda.decision(csp.features(x));
    }

    /** Each epoch's predicted label. */
    public int[] predict(double[][][] x) {
        double[] decision = decision(x);
        int[] out = new int[decision.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = decision[i] > 0 ? 1 : 0;
        }
        return out;
    }

    /** The fraction of epochs whose predicted label is {@code labels}'. */
    public double accuracy(double[][][] x, int[] labels) {
        int[] predicted = predict(x);
        int right = 0;
        for (int i = 0; i < predicted.length; i++) {
            right += predicted[i] == labels[i] ? 1 : 0;
        }
        return right / (double) predicted.length;
    }

    /** The fitted LDA. */
    public ShrinkageLda lda() {
        return lda;
    }

    /** The fitted CSP. */
    public Csp csp() {
        return csp;
    }
}
