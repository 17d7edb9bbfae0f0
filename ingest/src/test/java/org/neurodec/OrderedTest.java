package org.neurodec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Maps written to files keep their keys in the order given (Map.of's order may change between JVM starts). */
class OrderedTest {

    @Test
    void keysKeepTheirOrderAndPairsAreChecked() {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            keys.add("key" + (char) ('z' - i));
        }
        Object[] pairs = new Object[24];
        for (int i = 0; i < 12; i++) {
            pairs[2 * i] = keys.get(i);
            pairs[2 * i + 1] = i == 3 ? null : i;
        }
        Map<String, Object> map = Ordered.map(pairs);
        assertEquals(keys, new ArrayList<>(map.keySet()));
        assertEquals(null, map.get("keyw"));
        assertThrows(UnsupportedOperationException.class, () -> map.put("a", 1));
        assertThrows(IllegalArgumentException.class, () -> Ordered.map("a", 1, "b"));
    }
}
