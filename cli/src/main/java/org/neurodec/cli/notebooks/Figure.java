package org.neurodec.cli.notebooks;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * An image for a notebook to {@code display(...)}: a chart drawn or a picture copied, that names
 * itself. A Jupyter kernel shows an image with a text form beside it for viewers that cannot show
 * pictures; IJava takes that text from {@code toString()}, which for a plain {@code BufferedImage} is
 * its identity hash (different on every run). A figure's text is its title and size, the same on
 * every run and in every kernel.
 */
public final class Figure extends BufferedImage {

    private final String title;

    private Figure(int width, int height, String title) {
        super(width, height, BufferedImage.TYPE_INT_RGB);
        this.title = title == null ? "" : title;
    }

    /** The chart drawn at its own size, named by its title. */
    public static Figure of(Chart<?, ?> chart) {
        Figure figure = new Figure(chart.getWidth(), chart.getHeight(), chart.getTitle());
        Graphics2D g = figure.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            chart.paint(g, chart.getWidth(), chart.getHeight());
        } finally {
            g.dispose();
        }
        return figure;
    }

    /** A copy of {@code image} named {@code title}. */
    public static Figure of(BufferedImage image, String title) {
        Figure figure = new Figure(image.getWidth(), image.getHeight(), title);
        Graphics2D g = figure.createGraphics();
        try {
            g.drawImage(image, 0, 0, null);
        } finally {
            g.dispose();
        }
        return figure;
    }

    /** The figure's title. */
    public String title() {
        return title;
    }

    @Override
    public String toString() {
        return "figure" + (title.isEmpty() ? "" : ": " + title) + " (" + getWidth() + " × " + getHeight() + ")";
    }
}
