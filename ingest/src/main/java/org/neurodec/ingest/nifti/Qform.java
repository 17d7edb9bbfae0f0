package org.neurodec.ingest.nifti;

/**
 * The quaternion form of an affine's 3 × 3 part: voxel sizes (column norms), qfac (-1 when the
 * axes are left-handed) and the unit quaternion (b, c, d) of the remaining rotation, with a ≥ 0.
 *
 * @param b quatern_b
 * @param c quatern_c
 * @param d quatern_d
 * @param zooms voxel sizes
 * @param qfac 1 or -1
 * @param valid false when the matrix has shears or a zero column, so no quaternion can stand for it
 */
record Qform(double b, double c, double d, double[] zooms, double qfac, boolean valid) {

    static Qform of(double[][] affine) {
        double[][] r = new double[3][3];
        double[] zooms = new double[3];
        for (int j = 0; j < 3; j++) {
            zooms[j] = Math.sqrt(affine[0][j] * affine[0][j] + affine[1][j] * affine[1][j] + affine[2][j] * affine[2][j]);
            for (int i = 0; i < 3; i++) {
                r[i][j] = zooms[j] == 0 ? 0 : affine[i][j] / zooms[j];
            }
        }
        double det = r[0][0] * (r[1][1] * r[2][2] - r[1][2] * r[2][1])
                - r[0][1] * (r[1][0] * r[2][2] - r[1][2] * r[2][0])
                + r[0][2] * (r[1][0] * r[2][1] - r[1][1] * r[2][0]);
        double qfac = 1;
        if (det < 0) {
            qfac = -1;
            for (int i = 0; i < 3; i++) {
                r[i][2] = -r[i][2];
            }
        }
        boolean valid = zooms[0] > 0 && zooms[1] > 0 && zooms[2] > 0 && orthonormal(r);
        if (!valid) {
            return new Qform(0, 0, 0, new double[] {Math.max(zooms[0], 1e-12), Math.max(zooms[1], 1e-12),
                Math.max(zooms[2], 1e-12)}, qfac, false);
        }
        double trace = r[0][0] + r[1][1] + r[2][2];
        double w;
        double x;
        double y;
        double z;
        if (trace > 0) {
            double s = Math.sqrt(trace + 1.0) * 2;
            w = 0.25 * s;
            x = (r[2][1] - r[1][2]) / s;
            y = (r[0][2] - r[2][0]) / s;
            z = (r[1][0] - r[0][1]) / s;
        } else if (r[0][0] > r[1][1] && r[0][0] > r[2][2]) {
            double s = Math.sqrt(1.0 + r[0][0] - r[1][1] - r[2][2]) * 2;
            w = (r[2][1] - r[1][2]) / s;
            x = 0.25 * s;
            y = (r[0][1] + r[1][0]) / s;
            z = (r[0][2] + r[2][0]) / s;
        } else if (r[1][1] > r[2][2]) {
            double s = Math.sqrt(1.0 + r[1][1] - r[0][0] - r[2][2]) * 2;
            w = (r[0][2] - r[2][0]) / s;
            x = (r[0][1] + r[1][0]) / s;
            y = 0.25 * s;
            z = (r[1][2] + r[2][1]) / s;
        } else {
            double s = Math.sqrt(1.0 + r[2][2] - r[0][0] - r[1][1]) * 2;
            w = (r[1][0] - r[0][1]) / s;
            x = (r[0][2] + r[2][0]) / s;
            y = (r[1][2] + r[2][1]) / s;
            z = 0.25 * s;
        }
        double sign = w < 0 ? -1 : 1;
        return new Qform(sign * x, sign * y, sign * z, zooms, qfac, true);
    }

    private static boolean orthonormal(double[][] r) {
        for (int a = 0; a < 3; a++) {
            for (int b = 0; b < 3; b++) {
                double dot = r[0][a] * r[0][b] + r[1][a] * r[1][b] + r[2][a] * r[2][b];
                if (Math.abs(dot - (a == b ? 1 : 0)) > 1e-5) {
                    return false;
                }
            }
        }
        return true;
    }
}
