package org.neurodec.experiments;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.neurodec.decoders.DecoderException;

/** A job's figures as PNG bytes (XChart, drawn headless): per-split scores and a confusion matrix. */
final class Figures {

    private Figures() {
    }

    /** Every figure of {@code result}, by file name (reconstruction grids are added by {@link JobOutputs}). */
    static Map<String, byte[]> of(JobResult result) {
        System.setProperty("java.awt.headless", "true");
        Map<String, byte[]> out = new LinkedHashMap<>();
        String metric = result.classifies() ? "accuracy" : "pixel correlation";
        double chance = result.scores().get(0).chance();
        if (result.classifies()) {
            out.put("per-split.png", bars(result.perSplit(), metric + " per split", "split", metric, chance));
            out.put("confusion.png", confusion(result));
            if (result.timeResolved() != null) {
                out.put("time-resolved.png", timeCourse(result.timeResolved()));
                if (result.timeResolved().generalization() != null) {
                    out.put("generalization.png", generalization(result.timeResolved()));
                }
            }
        } else {
            List<JobResult.Prediction> first = result.predictions().stream().filter(p -> p.split() == 0).toList();
            double[] r = first.stream().mapToDouble(p -> org.neurodec.decoders.stats.Metrics.pearson(p.values(),
                    result.data().images[p.trial()])).toArray();
            out.put("per-image.png", bars(r, metric + " per test image (split 1)", "test image", metric, chance));
        }
        return out;
    }

    static byte[] bars(double[] values, String title, String axis, String metric, double chance) {
        CategoryChart chart = new CategoryChartBuilder().width(640).height(360).title(title)
                .xAxisTitle(axis).yAxisTitle(metric).build();
        List<Integer> splits = IntStream.rangeClosed(1, values.length).boxed().toList();
        List<Double> scores = new ArrayList<>();
        for (double v : values) {
            scores.add(v);
        }
        chart.addSeries(metric, splits, scores);
        chart.addSeries("chance", splits, java.util.Collections.nCopies(values.length, chance));
        chart.getStyler().setYAxisMin(Math.min(0.0, chance)).setYAxisMax(1.0);
        chart.getStyler().setOverlapped(true);
        return png(chart);
    }

    /** The score at each time point, with chance. */
    private static byte[] timeCourse(TimeResolved course) {
        org.knowm.xchart.XYChart chart = new org.knowm.xchart.XYChartBuilder().width(640).height(360)
                .title(course.metric() + " over time (mean over splits)").xAxisTitle("time (s)").yAxisTitle(course.metric()).build();
        double[] scores = java.util.Arrays.stream(course.scores()).map(v -> Double.isNaN(v) ? course.chance() : v).toArray();
        chart.addSeries(course.metric(), course.times(), scores).setMarker(org.knowm.xchart.style.markers.SeriesMarkers.NONE);
        double[] chance = new double[course.times().length];
        java.util.Arrays.fill(chance, course.chance());
        chart.addSeries("chance", course.times(), chance).setMarker(org.knowm.xchart.style.markers.SeriesMarkers.NONE);
        return png(chart);
    }

    /** The train-time × test-time generalisation matrix. */
    private static byte[] generalization(TimeResolved course) {
        double[][] g = course.generalization();
        List<Double> axis = new ArrayList<>();
        for (double t : course.times()) {
            axis.add(Math.round(t * 100) / 100.0 + (axis.contains(Math.round(t * 100) / 100.0) ? 1e-9 : 0));
        }
        List<Number[]> cells = new ArrayList<>();
        for (int a = 0; a < g.length; a++) {
            for (int b = 0; b < g[a].length; b++) {
                cells.add(new Number[] {b, a, Double.isNaN(g[a][b]) ? course.chance() : g[a][b]});
            }
        }
        HeatMapChart chart = new HeatMapChartBuilder().width(560).height(520)
                .title(course.metric() + ": trained at (rows) × tested at (columns)").xAxisTitle("test time (s)")
                .yAxisTitle("train time (s)").build();
        chart.getStyler().setXAxisLabelRotation(90);
        chart.getStyler().setAxisTickLabelsFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 7));
        chart.addSeries(course.metric(), axis, axis, cells);
        return png(chart);
    }

    private static byte[] confusion(JobResult result) {
        List<String> classes = result.data().classes();
        int k = classes.size();
        int[][] counts = new int[k][k];
        for (JobResult.Prediction p : result.predictions()) {
            counts[classes.indexOf(result.data().labels.get(p.trial()))][(int) p.values()[0]]++;
        }
        List<Number[]> cells = new ArrayList<>();
        for (int t = 0; t < k; t++) {
            for (int p = 0; p < k; p++) {
                cells.add(new Number[] {p, k - 1 - t, counts[t][p]});
            }
        }
        List<String> reversed = new ArrayList<>(classes);
        java.util.Collections.reverse(reversed);
        HeatMapChart chart = new HeatMapChartBuilder().width(480).height(420).title("confusion (test predictions, all splits)")
                .xAxisTitle("predicted").yAxisTitle("true").build();
        chart.getStyler().setShowValue(true);
        chart.addSeries("trials", classes, reversed, cells);
        return png(chart);
    }

    private static byte[] png(org.knowm.xchart.internal.chartpart.Chart<?, ?> chart) {
        try {
            return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new DecoderException("figure '" + chart.getTitle() + "': cannot encode PNG: " + e.getMessage(), e);
        }
    }
}
