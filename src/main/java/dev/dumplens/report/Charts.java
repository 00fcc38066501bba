package dev.dumplens.report;

import dev.dumplens.analysis.DumpAnalysis;
import dev.dumplens.model.ThreadState;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.Map;

/**
 * The charts DumpLens draws, as JFreeChart objects: the desktop app shows them in a chart viewer, the reports
 * embed them as PNG images rendered here (no display needed).
 */
public final class Charts {
    /** One colour per thread state, the same everywhere. */
    private static final Map<ThreadState, Color> STATE_COLORS = new EnumMap<>(Map.of(
            ThreadState.RUNNABLE, new Color(0x2da44e),
            ThreadState.BLOCKED, new Color(0xcf222e),
            ThreadState.WAITING, new Color(0xd4a72c),
            ThreadState.TIMED_WAITING, new Color(0x0969da),
            ThreadState.NEW, new Color(0x8250df),
            ThreadState.TERMINATED, new Color(0x57606a),
            ThreadState.NONE, new Color(0xafb8c1)));
    private static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    private static final Color GRID = new Color(0xd0d7de);

    private Charts() { }

    /** The colour of a thread state. */
    public static Color color(ThreadState state) { return STATE_COLORS.get(state); }

    /** Threads per state as horizontal bars, in state order, each bar in its state's colour and labelled. */
    public static JFreeChart states(DumpAnalysis a) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        a.stateCounts().forEach((state, n) -> data.addValue(n, "threads", state.name()));
        CategoryPlot plot = new CategoryPlot(data, new CategoryAxis(), new NumberAxis(), new StateBarRenderer());
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.getDomainAxis().setTickLabelFont(LABEL_FONT);
        plot.getDomainAxis().setCategoryMargin(0.25);
        plot.getRangeAxis().setVisible(false);
        plot.getRangeAxis().setUpperMargin(0.18);
        style(plot);
        plot.setRangeGridlinesVisible(false);
        return chart(plot);
    }

    /** The chart as a PNG image of {@code width} × {@code height} pixels. */
    public static byte[] png(JFreeChart chart, int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ChartUtils.writeChartAsPNG(out, chart, width, height);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static void style(CategoryPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        plot.setRangeGridlinePaint(GRID);
        plot.setRangeGridlineStroke(new BasicStroke(1f));
        plot.getDomainAxis().setAxisLineVisible(false);
        plot.getRangeAxis().setAxisLineVisible(false);
    }

    static JFreeChart chart(org.jfree.chart.plot.Plot plot) {
        JFreeChart chart = new JFreeChart(null, LABEL_FONT, plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        return chart;
    }

    /** Flat bars coloured by the state of their category, with the count at the bar's end. */
    private static final class StateBarRenderer extends BarRenderer {
        StateBarRenderer() {
            setBarPainter(new StandardBarPainter());
            setShadowVisible(false);
            setDrawBarOutline(false);
            setMaximumBarWidth(0.12);
            setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator());
            setDefaultItemLabelsVisible(true);
            setDefaultItemLabelFont(LABEL_FONT);
            setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT));
            setItemLabelAnchorOffset(4);
        }

        @Override public Paint getItemPaint(int row, int column) {
            Color c = STATE_COLORS.get(ThreadState.valueOf((String) getPlot().getDataset().getColumnKey(column)));
            return c == null ? Color.GRAY : c;
        }
    }
}
