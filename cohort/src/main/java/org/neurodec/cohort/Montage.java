package org.neurodec.cohort;

import java.util.List;

/** The pool of 10-20 electrode names from which each subject's montage is drawn, with scalp positions. */
public final class Montage {

    /** 32 electrode names of the extended 10-20 system. */
    public static final List<String> POOL = List.of("Fp1", "Fp2", "AF3", "AF4", "F7", "F3", "Fz", "F4", "F8", "FC5",
            "FC1", "FC2", "FC6", "T7", "C3", "Cz", "C4", "T8", "CP5", "CP1", "CP2", "CP6", "P7", "P3", "Pz", "P4",
            "P8", "PO3", "PO4", "O1", "Oz", "O2");

    private Montage() {
    }

    /**
     * An approximate position of electrode {@code i} on a unit sphere (x right, y front, z up): the
     * pool is ordered front to back, so the order sets the front-back angle and the name's number
     * side and distance from the midline.
     */
    public static double[] position(int i) {
        String name = POOL.get(i);
        double polar = Math.PI * (0.1 + 0.8 * i / (POOL.size() - 1.0));
        char last = name.charAt(name.length() - 1);
        double lateral = last == 'z' ? 0 : ((last - '0') % 2 == 1 ? -1 : 1) * Math.min(1.0, 0.25 + 0.12 * (last - '0'));
        double y = Math.cos(polar);
        double x = lateral * Math.sin(polar);
        double z = Math.sqrt(Math.max(0, 1 - x * x - y * y));
        return new double[] {x, y, z};
    }
}
