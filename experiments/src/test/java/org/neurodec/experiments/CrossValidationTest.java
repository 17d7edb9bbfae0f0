package org.neurodec.experiments;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The protocol splits against scikit-learn's. */
class CrossValidationTest {

    @Test
    void shuffleSplitDrawsScikitLearnsSplits() throws IOException {
        JsonNode golden;
        try (InputStream in = getClass().getResourceAsStream("/csp/csp_golden.json")) {
            golden = new ObjectMapper().readTree(in);
        }
        // ShuffleSplit(10, test_size=0.2, random_state=42).split(45 epochs), from make_csp_golden.py
        List<CrossValidation.Split> splits = CrossValidation.shuffleSplit(45, 10, 0.2, 42);
        for (int s = 0; s < 10; s++) {
            assertArrayEquals(ints(golden.at("/splits/" + s + "/test")), splits.get(s).test(), "test of split " + s);
            assertArrayEquals(ints(golden.at("/splits/" + s + "/train")), splits.get(s).train(), "train of split " + s);
        }
    }

    @Test
    void kFoldIsContiguousWithTheLongerFoldsFirst() {
        List<CrossValidation.Split> folds = CrossValidation.kFold(7, 3);
        assertArrayEquals(new int[] {0, 1, 2}, folds.get(0).test());
        assertArrayEquals(new int[] {3, 4}, folds.get(1).test());
        assertArrayEquals(new int[] {0, 1, 2, 5, 6}, folds.get(1).train());
        assertArrayEquals(new int[] {5, 6}, folds.get(2).test());
        assertEquals(3, folds.size());
    }

    @Test
    void groupedAndStratifiedProtocolsDrawScikitLearnsSplits() throws IOException {
        JsonNode golden;
        try (InputStream in = getClass().getResourceAsStream("/splits/splits_golden.json")) {
            golden = new ObjectMapper().readTree(in);
        }
        int checked = 0;
        for (JsonNode c : golden.get("cases")) {
            int[] y = ints(c.get("y"));
            List<String> groups = c.get("groups").isNull() ? null
                    : java.util.Arrays.stream(ints(c.get("groups"))).mapToObj(Integer::toString).toList();
            JsonNode p = c.get("params");
            List<CrossValidation.Split> splits = switch (c.get("protocol").asText()) {
                case "stratified-k-fold" -> CrossValidation.stratifiedKFold(y, p.get("folds").asInt(), p.get("shuffle").asBoolean(),
                        p.get("seed").asLong());
                case "group-k-fold" -> CrossValidation.groupKFold(groups, p.get("folds").asInt());
                case "leave-one-group-out" -> CrossValidation.leaveOneGroupOut(groups);
                default -> CrossValidation.leavePGroupsOut(groups, p.get("p").asInt());
            };
            String name = c.get("protocol").asText() + " " + p;
            assertEquals(c.get("splits").size(), splits.size(), name);
            for (int s = 0; s < splits.size(); s++) {
                assertArrayEquals(ints(c.at("/splits/" + s + "/test")), splits.get(s).test(), name + ", test of split " + s);
                assertArrayEquals(ints(c.at("/splits/" + s + "/train")), splits.get(s).train(), name + ", train of split " + s);
                checked++;
            }
        }
        assertEquals(172, checked, "every golden split");
    }

    @Test
    void runsNumberedAsTextAreOrderedAsNumbers() {
        assertEquals(List.of("2", "9", "10"), CrossValidation.sortedGroups(List.of("10", "2", "9", "2")));
        assertEquals(List.of("run-a", "run-b"), CrossValidation.sortedGroups(List.of("run-b", "run-a")));
    }

    private static int[] ints(JsonNode node) {
        int[] out = new int[node.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = node.get(i).asInt();
        }
        return out;
    }
}
