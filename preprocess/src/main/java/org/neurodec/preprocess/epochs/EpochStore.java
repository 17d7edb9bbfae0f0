package org.neurodec.preprocess.epochs;

import java.util.ArrayList;
import java.util.List;

/**
 * An appendable store of equal-length epochs, packed several to a block when they are short (fewer
 * objects for the collector), with blocks kept under 256 KB, or one epoch each when longer, so that no
 * block is a "humongous" allocation for G1, which would start a concurrent cycle for each.
 */
final class EpochStore {

    private static final int BLOCK_VALUES = 1 << 15;

    private final int epochValues;
    private final int perBlock;
    private final List<double[]> blocks = new ArrayList<>();
    private int size;

    EpochStore(int epochValues) {
        this.epochValues = Math.max(1, epochValues);
        this.perBlock = Math.max(1, BLOCK_VALUES / this.epochValues);
    }

    /** Appends one epoch: {@code epochValues} values of {@code source} from {@code offset}. */
    void add(double[] source, int offset) {
        if (size % perBlock == 0) {
            blocks.add(new double[perBlock * epochValues]);
        }
        System.arraycopy(source, offset, blocks.get(blocks.size() - 1), (size % perBlock) * epochValues, epochValues);
        size++;
    }

    double[][] blocks() {
        return blocks.toArray(double[][]::new);
    }

    int perBlock() {
        return perBlock;
    }

    int size() {
        return size;
    }
}
