package org.neurodec.decoders.classify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.neurodec.decoders.DecoderException;

/** Z-scoring worked by hand: population standard deviation, a constant feature only centred. */
class StandardizerTest {

    @Test
    void centresAndScalesWithTheFittedRowsStatistics() {
        Standardizer s = Standardizer.fit(new double[][] {{1, 2, 0}, {3, 2, 4}});
        assertArrayEquals(new double[] {2, 2, 2}, s.mean(), 0);
        assertArrayEquals(new double[] {1, 1, 2}, s.scale(), 0, "std of {1,3} is 1; constant 2 gets 1; {0,4} gives 2");
        double[][] z = s.apply(new double[][] {{1, 2, 0}, {5, 3, 8}});
        assertArrayEquals(new double[] {-1, 0, -1}, z[0], 0);
        assertArrayEquals(new double[] {3, 1, 3}, z[1], 0, "new rows use the fitted statistics");
        assertThrows(DecoderException.class, () -> s.apply(new double[][] {{1, 2}}));
    }
}
