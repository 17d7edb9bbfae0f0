package org.neurodec.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** Folds run at once: results in the folds' order, a fold's error as raised, and an estimate that never rises. */
class FoldsTest {

    @Test
    void resultsComeInOrderWhateverFinishesFirst() {
        List<String> ids = List.of("a", "b", "c", "d", "e");
        var threads = ConcurrentHashMap.<String>newKeySet();
        List<String> out = Folds.run(ids, id -> {
            threads.add(Thread.currentThread().getName() + Thread.currentThread().getId());
            sleep(id.equals("a") ? 300 : 20);
            return id.toUpperCase();
        }, 2);
        assertEquals(List.of("A", "B", "C", "D", "E"), out);
        assertEquals(2, threads.size(), "two folds at a time: " + threads);
        assertEquals(List.of("A", "B"), Folds.run(List.of("a", "b"), String::toUpperCase, 1));
    }

    @Test
    void aFoldsErrorIsRethrownAsRaised() {
        IllegalArgumentException raised = new IllegalArgumentException("subject c: bad calibration");
        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class, () -> Folds.run(List.of("a", "b", "c"),
                id -> {
                    if (id.equals("c")) {
                        throw raised;
                    }
                    return id;
                }, 2));
        assertSame(raised, thrown);
    }

    @Test
    void theEstimateNeverRisesAndTrainingEstimatesAreDropped() {
        List<String> lines = new ArrayList<>();
        long[] now = {0};
        Folds.Progress progress = new Folds.Progress(4, lines::add, () -> now[0]);
        progress.of("1").accept("epoch 3/60  loss 0.5  validation AUC 0.700  120 s left");
        assertEquals("[new subject 1] epoch 3/60  loss 0.5  validation AUC 0.700", lines.get(0));
        now[0] = 10_000_000_000L;
        progress.done("1");
        assertEquals("new subject 1 done (1 of 4 folds), about 30 s left", lines.get(1), "10 s a fold, 3 folds to go");
        now[0] = 40_000_000_000L;
        progress.done("2");
        assertEquals("new subject 2 done (2 of 4 folds), about 30 s left", lines.get(2),
                "20 s a fold would say 40 s: the estimate does not rise");
        now[0] = 45_000_000_000L;
        progress.done("3");
        assertEquals("new subject 3 done (3 of 4 folds), about 15 s left", lines.get(3), "15 s a fold, one to go");
        progress.done("4");
        assertEquals("new subject 4 done (4 of 4 folds)", lines.get(4));
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
