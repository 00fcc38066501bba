package dev.dumplens.report;

import dev.dumplens.analysis.DumpAnalysis;
import dev.dumplens.analysis.compare.Comparison;
import dev.dumplens.analysis.compare.GroupTrend;
import dev.dumplens.analysis.compare.Trend;
import dev.dumplens.heap.HeapThread;
import dev.dumplens.model.ThreadState;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.SeriesRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.SimpleDateFormat;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
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
    /** Lines for groups that change: warm, strong colours. */
    private static final Color[] CHANGING_COLORS = {new Color(0xcf222e), new Color(0xbc4c00), new Color(0x8250df),
        new Color(0xbf3989), new Color(0x9a6700), new Color(0x0550ae)};
    /** Lines for stable groups: muted. */
    private static final Color[] STABLE_COLORS = {new Color(0x6e7781), new Color(0x8c959f), new Color(0x57606a)};
    /** The colour of retained-heap bars. */
    public static final Color RETAINED_COLOR = new Color(0x0969da);

    static final int MAX_SERIES = 8;
    static final int MAX_STABLE_SERIES = 3;
    private static final int MAX_SERIES_NAME = 30;
    private static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    private static final Color GRID = new Color(0xd0d7de);

    private Charts() { }

    /** The colour of a thread state. */
    public static Color color(ThreadState state) { return STATE_COLORS.get(state); }

    /** Threads per state as horizontal bars, in state order, each bar in its state's colour and labelled. */
    public static JFreeChart states(DumpAnalysis a) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        a.stateCounts().forEach((state, n) -> data.addValue(n, "threads", state.name()));
        return horizontalBars(data, new StateBarRenderer());
    }

    /**
     * The retained heap of {@code threads} as horizontal bars in the order given, each labelled with its size
     * (threads of the same name are numbered so that each keeps its bar).
     */
    public static JFreeChart retainedHeap(List<HeapThread> threads) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (HeapThread t : threads) {
            String name = seriesLabel(Text.oneLine(t.name()));
            String key = name;
            for (int k = 2; data.getColumnIndex(key) >= 0; k++) key = name + " (" + k + ")";
            data.addValue(t.retainedBytes(), "retained", key);
        }
        BarRenderer renderer = flatBars();
        renderer.setSeriesPaint(0, RETAINED_COLOR);
        renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator() {
            @Override public String generateLabel(org.jfree.data.category.CategoryDataset d, int row, int column) {
                return Text.bytes(d.getValue(row, column).longValue());
            }
        });
        return horizontalBars(data, renderer);
    }

    private static JFreeChart horizontalBars(DefaultCategoryDataset data, BarRenderer renderer) {
        CategoryPlot plot = new CategoryPlot(data, new CategoryAxis(), new NumberAxis(), renderer);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.getDomainAxis().setTickLabelFont(LABEL_FONT);
        plot.getDomainAxis().setCategoryMargin(0.25);
        plot.getRangeAxis().setVisible(false);
        plot.getRangeAxis().setUpperMargin(0.18);
        style(plot);
        plot.setRangeGridlinesVisible(false);
        return chart(plot);
    }

    private static String seriesLabel(String name) {
        return name.length() > MAX_SERIES_NAME ? name.substring(0, MAX_SERIES_NAME - 1) + "…" : name;
    }

    /**
     * Group sizes over the dumps of a comparison as lines: the groups that change (growing ones drawn bold), then
     * up to {@value #MAX_STABLE_SERIES} of the largest stable ones, at most {@value #MAX_SERIES} lines. The x axis
     * is the time of day when every dump has a timestamp, seconds since the first dump when only the JVM uptime
     * tells, else the dump number.
     */
    public static JFreeChart groupsOverTime(Comparison c) {
        List<GroupTrend> shown = shownGroups(c.groups());
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        int changing = 0;
        for (GroupTrend g : shown) {
            String name = seriesName(g);
            for (int k = 2; data.getSeriesIndex(name) >= 0; k++) name = seriesName(g) + " " + k;
            XYSeries series = new XYSeries(name, false, true);
            for (int i = 0; i < g.counts().size(); i++) series.add(x(c, i), g.count(i));
            int index = data.getSeriesCount();
            data.addSeries(series);
            float width = g.trend() == Trend.GROWING ? 3f : 1.5f;
            if (g.trend() == Trend.STABLE) {
                renderer.setSeriesStroke(index, new BasicStroke(width));
                renderer.setSeriesPaint(index, STABLE_COLORS[index % STABLE_COLORS.length]);
            } else {
                // every other changing line dashed: lines with equal counts lie on each other and both stay visible
                renderer.setSeriesStroke(index, changing % 2 == 0 ? new BasicStroke(width)
                        : new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {8f, 6f}, 0f));
                renderer.setSeriesPaint(index, CHANGING_COLORS[changing++ % CHANGING_COLORS.length]);
            }
        }
        ValueAxis xAxis = xAxis(c);
        NumberAxis yAxis = new NumberAxis("threads");
        yAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        yAxis.setLabelFont(LABEL_FONT);
        yAxis.setTickLabelFont(LABEL_FONT.deriveFont(11f));
        XYPlot plot = new XYPlot(data, xAxis, yAxis, renderer);
        plot.setSeriesRenderingOrder(SeriesRenderingOrder.FORWARD);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        plot.setRangeGridlinePaint(GRID);
        plot.setDomainGridlinePaint(GRID);
        JFreeChart chart = new JFreeChart(null, LABEL_FONT, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        chart.getLegend().setItemFont(LABEL_FONT);
        chart.getLegend().setPosition(RectangleEdge.RIGHT);
        chart.getLegend().setFrame(BlockBorder.NONE);
        // JavaFX draws text a little wider than JFreeChart measures it: room so that the legend is not cut off
        chart.setPadding(new RectangleInsets(4, 4, 4, 28));
        return chart;
    }

    /** The groups a chart shows: changing ones by size, then the largest stable ones. */
    static List<GroupTrend> shownGroups(List<GroupTrend> groups) {
        List<GroupTrend> shown = new ArrayList<>();
        Comparator<GroupTrend> bySize = Comparator.comparingInt(GroupTrend::maxCount).reversed();
        groups.stream().filter(g -> g.trend() != Trend.STABLE).sorted(bySize).limit(MAX_SERIES).forEach(shown::add);
        groups.stream().filter(g -> g.trend() == Trend.STABLE).sorted(bySize)
                .limit(Math.min(MAX_STABLE_SERIES, MAX_SERIES - shown.size())).forEach(shown::add);
        return shown;
    }

    private static String seriesName(GroupTrend g) {
        return seriesLabel(Text.label(g)) + " (" + g.state() + ")";
    }

    private static double x(Comparison c, int dump) {
        Double offset = c.timeline().offsetSeconds(dump);
        LocalDateTime first = c.dumps().get(0).original().timestamp();
        if (offset != null && first != null && timestamped(c)) {
            return first.atZone(ZoneId.systemDefault()).toInstant().toEpochMilli() + offset * 1000;
        }
        return offset != null ? offset : dump + 1;
    }

    private static ValueAxis xAxis(Comparison c) {
        ValueAxis axis;
        if (c.timeline().offsetSeconds(0) != null && timestamped(c)) {
            DateAxis dates = new DateAxis("time of dump");
            dates.setDateFormatOverride(new SimpleDateFormat("HH:mm:ss"));
            axis = dates;
        } else if (c.timeline().offsetSeconds(0) != null) {
            NumberAxis seconds = new NumberAxis("seconds since the first dump");
            seconds.setAutoRangeIncludesZero(false);
            axis = seconds;
        } else {
            NumberAxis dumps = new NumberAxis("dump");
            dumps.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
            dumps.setAutoRangeIncludesZero(false);
            axis = dumps;
        }
        axis.setLabelFont(LABEL_FONT);
        axis.setTickLabelFont(LABEL_FONT.deriveFont(11f));
        axis.setLowerMargin(0.03);
        axis.setUpperMargin(0.03);
        return axis;
    }

    private static boolean timestamped(Comparison c) {
        return c.dumps().stream().allMatch(d -> d.original().timestamp() != null);
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

    /** Flat horizontal bars with their value at the bar's end. */
    private static BarRenderer flatBars() {
        return flat(new BarRenderer());
    }

    private static BarRenderer flat(BarRenderer r) {
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        r.setDrawBarOutline(false);
        r.setMaximumBarWidth(0.12);
        r.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator());
        r.setDefaultItemLabelsVisible(true);
        r.setDefaultItemLabelFont(LABEL_FONT);
        r.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT));
        r.setItemLabelAnchorOffset(4);
        return r;
    }

    /** Flat bars coloured by the state of their category, with the count at the bar's end. */
    private static final class StateBarRenderer extends BarRenderer {
        StateBarRenderer() {
            flat(this);
        }

        @Override public Paint getItemPaint(int row, int column) {
            Color c = STATE_COLORS.get(ThreadState.valueOf((String) getPlot().getDataset().getColumnKey(column)));
            return c == null ? Color.GRAY : c;
        }
    }
}
