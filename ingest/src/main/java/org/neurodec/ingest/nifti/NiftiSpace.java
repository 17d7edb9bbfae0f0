package org.neurodec.ingest.nifti;

/**
 * The spatial transforms a NIfTI header stores: the quaternion qform and the sform rows.
 *
 * <p>{@link #bestAffine} picks between them the way nibabel does: the sform when its code is
 * non-zero, else the qform when its code is non-zero, else a pixdim-only affine centred on the
 * volume with the x axis flipped.
 *
 * @param qformCode qform_code, 0 when unknown
 * @param sformCode sform_code, 0 when unknown
 * @param quaternB quatern_b
 * @param quaternC quatern_c
 * @param quaternD quatern_d
 * @param qoffsetX qoffset_x
 * @param qoffsetY qoffset_y
 * @param qoffsetZ qoffset_z
 * @param srow the sform's three rows of four values
 */
public record NiftiSpace(int qformCode, int sformCode, double quaternB, double quaternC, double quaternD,
        double qoffsetX, double qoffsetY, double qoffsetZ, double[][] srow) {

    /** Validates the sform's shape and keeps a private copy of it. */
    public NiftiSpace {
        if (srow.length != 3 || srow[0].length != 4 || srow[1].length != 4 || srow[2].length != 4) {
            throw new IllegalArgumentException("srow must be 3 x 4");
        }
        srow = copy(srow);
    }

    @Override
    public double[][] srow() {
        return copy(srow);
    }

    /** The sform as a 4 × 4 matrix. */
    public double[][] sform() {
        double[][] a = identity();
        for (int r = 0; r < 3; r++) {
            System.arraycopy(srow[r], 0, a[r], 0, 4);
        }
        return a;
    }

    /**
     * The qform as a 4 × 4 matrix: the rotation of the unit quaternion (b, c, d), times the voxel
     * sizes, with the last one multiplied by {@code qfac}, plus the offsets.
     *
     * @param zooms voxel sizes along i, j, k (pixdim[1..3]; as nibabel fixes them on load, negative
     *     sizes count as positive and zero as 1)
     * @param qfac pixdim[0]: -1 flips the k axis, anything else counts as 1
     */
    public double[][] qform(double[] zooms, double qfac) {
        double b = quaternB;
        double c = quaternC;
        double d = quaternD;
        double w2 = 1.0 - (b * b + c * c + d * d);
        double a = w2 < 0 ? 0 : Math.sqrt(w2);
        double[][] r = rotation(a, b, c, d);
        double[] s = {zoom(zooms[0]), zoom(zooms[1]), zoom(zooms[2]) * (qfac == -1 ? -1 : 1)};
        double[][] out = identity();
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                out[i][j] = r[i][j] * s[j];
            }
        }
        out[0][3] = qoffsetX;
        out[1][3] = qoffsetY;
        out[2][3] = qoffsetZ;
        return out;
    }

    /**
     * The affine nibabel calls "best": sform, else qform, else the pixdim-only base affine.
     *
     * @param shape the image shape (only the first three dimensions are used)
     * @param pixdim pixdim[0..7]
     */
    public double[][] bestAffine(long[] shape, double[] pixdim) {
        double[] zooms = {pixdim[1], pixdim[2], pixdim[3]};
        if (sformCode != 0) {
            return sform();
        }
        if (qformCode != 0) {
            return qform(zooms, pixdim[0]);
        }
        return baseAffine(shape, zooms);
    }

    /** The affine from voxel sizes alone, origin at the volume's centre and x flipped (nibabel's base affine). */
    public static double[][] baseAffine(long[] shape, double[] zooms) {
        double[][] a = identity();
        for (int i = 0; i < 3; i++) {
            double n = i < shape.length ? shape[i] : 1;
            double zoom = zoom(zooms[i]);
            if (i == 0) {
                zoom = -zoom;
            }
            a[i][i] = zoom;
            a[i][3] = -(n - 1) / 2.0 * zoom;
        }
        return a;
    }

    private static double zoom(double pixdim) {
        return pixdim == 0 ? 1 : Math.abs(pixdim);
    }

    private static double[][] rotation(double w, double x, double y, double z) {
        double n = w * w + x * x + y * y + z * z;
        if (n < Math.ulp(1.0)) {
            return new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
        }
        double s = 2.0 / n;
        double xs = x * s;
        double ys = y * s;
        double zs = z * s;
        double wx = w * xs;
        double wy = w * ys;
        double wz = w * zs;
        double xx = x * xs;
        double xy = x * ys;
        double xz = x * zs;
        double yy = y * ys;
        double yz = y * zs;
        double zz = z * zs;
        return new double[][] {
            {1.0 - (yy + zz), xy - wz, xz + wy},
            {xy + wz, 1.0 - (xx + zz), yz - wx},
            {xz - wy, yz + wx, 1.0 - (xx + yy)}};
    }

    static double[][] identity() {
        return new double[][] {{1, 0, 0, 0}, {0, 1, 0, 0}, {0, 0, 1, 0}, {0, 0, 0, 1}};
    }

    private static double[][] copy(double[][] m) {
        double[][] out = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            out[i] = m[i].clone();
        }
        return out;
    }
}
