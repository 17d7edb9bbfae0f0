package org.neurodec.cli.notebooks;

import java.util.ArrayList;
import java.util.List;

/**
 * What a notebook cell displays: {@code display(object)} in a cell (IJava's function of that name,
 * which the notebook runner defines the same way) hands the object to this collector, and the runner
 * turns it into the cell's {@code display_data} output.
 */
public final class Display {

    private static final List<Object> SHOWN = new ArrayList<>();

    private Display() {
    }

    /** Records {@code value} for the cell being run. */
    public static synchronized void show(Object value) {
        SHOWN.add(value);
    }

    /** The values displayed since the last call, in order. */
    static synchronized List<Object> drain() {
        List<Object> out = new ArrayList<>(SHOWN);
        SHOWN.clear();
        return out;
    }
}
