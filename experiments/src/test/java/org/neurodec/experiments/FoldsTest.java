package org.neurodec.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
        Folds.Progress progress = new Folds.Progress(4, lines::add);
        progress.of("1").accept("epoch 3/60  loss 0.5  validation AUC 0.700  120 s left");
        progress.done("1");
        sleep(200);
        progress.done("2");
        progress.done("3");
        progress.done("4");
        assertEquals("[new subject 1] epoch 3/60  loss 0.5  validation AUC 0.700", lines.get(0));
        Pattern left = Pattern.compile("about (\\d+) s left");
        double last = Double.POSITIVE_INFINITY;
        int estimates = 0;
        for (String line : lines.subList(1, lines.size())) {
            Matcher m = left.matcher(line);
            if (m.find()) {
                double v = Double.parseDouble(m.group(1));
                assertTrue(v <= last, lines.toString());
                last = v;
                estimates++;
            }
        }
        assertEquals(3, estimates, lines.toString());
        assertEquals("new subject 4 done (4 of 4 folds)", lines.get(lines.size() - 1));
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
