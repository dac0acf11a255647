package io.manometer.analyzer.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.manometer.analyzer.detect.Analysis;
import io.manometer.analyzer.detect.DetectorRegistry;
import io.manometer.analyzer.detect.Preferences;
import io.manometer.analyzer.detect.Severity;
import io.manometer.analyzer.reading.TestRecordings;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.StringReader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.apache.batik.transcoder.TranscoderInput;
import org.apache.batik.transcoder.TranscoderOutput;
import org.apache.batik.transcoder.image.ImageTranscoder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML report as it is drawn. Headless Chromium takes a screenshot, and the picture must show
 * the critical finding's red badge and backlog line and the heap's blue line on a mostly light page
 * (a blank page, an error page or unstyled text fails); skipped (not passed) where no Chromium is
 * installed ({@code MANOMETER_CHROMIUM} names one elsewhere). The charts are also drawn by Batik,
 * which needs no browser, so every machine checks them.
 */
class HtmlRenderingTest {
    private static final int CRITICAL_RED = 0xc62828;
    private static final int HEAP_BLUE = 0x1e88e5;

    @TempDir
    Path dir;

    /** A report of one critical, steadily growing backlog with the heap growing beside it. */
    private Path writeReport() throws Exception {
        Path page = dir.resolve("report.html");
        RecordingResult result = new RecordingResult("app.jfr", null, 20, "test", List.of(), List.of(),
                new Analysis(DetectorRegistry.all(), Preferences.defaults()).run(TestRecordings.create()
                        .queue(1, -1, 20, 20_000, s -> 18_000 * s)
                        // The JVM collected before the queue's first sample: still inside the frame.
                        .heap(-5, 20, 512_000_000L, s -> 50_000_000L + 4_000_000L * s).build()));
        try (Writer out = Files.newBufferedWriter(page)) {
            ReportFormat.html.write(new Report("1.0", Severity.INFO, List.of(result)), out, false);
        }
        return page;
    }

    /**
     * Where no browser is installed, the charts are still drawn: Batik renders each inline SVG as
     * the page holds it (text left out, so no fonts are needed), and the red backlog line and the
     * blue heap line must both rise from the lower left to the upper right of the plot.
     */
    @Test
    void everyInlineChartDrawsARisingBacklogAndHeapLine() throws Exception {
        String html = Files.readString(writeReport());
        Matcher svg = Pattern.compile("(?s)<svg .*?</svg>").matcher(html);
        int charts = 0;
        int withHeap = 0;
        while (svg.find()) {
            charts++;
            BufferedImage image = render(svg.group().replaceAll("(?s)<text[^>]*>.*?</text>", ""));
            assertThat(rises(image, CRITICAL_RED)).as("chart %d: the red line of what grows rises", charts).isTrue();
            withHeap += rises(image, HEAP_BLUE) ? 1 : 0;
        }
        assertThat(charts).as("a chart per finding: the backlog and the heap").isEqualTo(2);
        assertThat(withHeap).as("the backlog's chart has the heap's blue line rising beside it").isEqualTo(1);
    }

    /** Every line inside the plot's frame, on one time axis; ticks and units on every axis. */
    @Test
    void everyLineIsInsideItsFrameWithTicksAndUnits() throws Exception {
        String html = Files.readString(writeReport());
        Matcher svg = Pattern.compile("(?s)<svg .*?</svg>").matcher(html);
        int charts = 0;
        while (svg.find()) {
            charts++;
            String chart = svg.group();
            Matcher frame = Pattern.compile("<rect x=\"(\\d+)\" y=\"(\\d+)\" width=\"(\\d+)\" height=\"(\\d+)\"")
                    .matcher(chart);
            assertThat(frame.find()).isTrue();
            double left = Double.parseDouble(frame.group(1));
            double top = Double.parseDouble(frame.group(2));
            double right = left + Double.parseDouble(frame.group(3));
            double bottom = top + Double.parseDouble(frame.group(4));
            Matcher points = Pattern.compile("points=\"([^\"]*)\"").matcher(chart);
            while (points.find()) {
                for (String point : points.group(1).trim().split(" ")) {
                    String[] xy = point.split(",");
                    assertThat(Double.parseDouble(xy[0])).as("chart %d, x of %s", charts, point).isBetween(left, right);
                    assertThat(Double.parseDouble(xy[1])).as("chart %d, y of %s", charts, point).isBetween(top, bottom);
                }
            }
            assertThat(Pattern.compile(">\\d+(\\.\\d)? s</text>").matcher(chart).results().count())
                    .as("time ticks in seconds").isGreaterThanOrEqualTo(3);
            assertThat(chart).as("the unit above the value axis").containsPattern(
                    "<text x=\"" + SvgChart.LEFT + "\" y=\"" + (SvgChart.TOP - 6) + "\"[^>]*>[a-z]+</text>");
        }
        assertThat(charts).isEqualTo(2);
        assertThat(html).contains(">MB</text>");
    }

    /** Whether a line of that colour runs from the lower left to the upper right, and not across the top left. */
    private static boolean rises(BufferedImage image, int colour) {
        int w = image.getWidth();
        int h = image.getHeight();
        return count(image, colour, 0, w / 3, h / 2, h) > 20 && count(image, colour, w * 2 / 3, w, 0, h / 2) > 20
                && count(image, colour, 0, w / 3, 0, h / 3) == 0;
    }

    private static BufferedImage render(String svg) throws Exception {
        BufferedImage[] drawn = new BufferedImage[1];
        ImageTranscoder transcoder = new ImageTranscoder() {
            @Override
            public BufferedImage createImage(int width, int height) {
                return new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
            }

            @Override
            public void writeImage(BufferedImage image, TranscoderOutput output) {
                drawn[0] = image;
            }
        };
        transcoder.transcode(new TranscoderInput(new StringReader(svg)), null);
        return drawn[0];
    }

    private static long count(BufferedImage image, int colour, int x0, int x1, int y0, int y1) {
        long n = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                int argb = image.getRGB(x, y);
                n += (argb >>> 24) > 128 && near(argb & 0xffffff, colour) ? 1 : 0;
            }
        }
        return n;
    }

    @Test
    void headlessChromiumDrawsTheBadgeAndTheChart() throws Exception {
        Optional<String> chromium = chromium();
        assumeTrue(chromium.isPresent(), "no Chromium on this machine");
        Path page = writeReport();
        Path png = dir.resolve("report.png");
        Process browser = new ProcessBuilder(chromium.get(), "--headless", "--no-sandbox", "--disable-gpu",
                "--hide-scrollbars", "--window-size=1200,1400", "--screenshot=" + png, page.toUri().toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("chromium.log").toFile()).start();
        assertThat(browser.waitFor(90, TimeUnit.SECONDS)).as("Chromium finished").isTrue();
        assertThat(png).as(Files.readString(dir.resolve("chromium.log"))).exists();

        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(1200);
        long red = 0;
        long blue = 0;
        long light = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y) & 0xffffff;
                red += near(rgb, CRITICAL_RED) ? 1 : 0;
                blue += near(rgb, HEAP_BLUE) ? 1 : 0;
                light += (rgb >> 16 & 0xff) > 200 && (rgb >> 8 & 0xff) > 200 && (rgb & 0xff) > 200 ? 1 : 0;
            }
        }
        long pixels = (long) image.getWidth() * image.getHeight();
        assertThat(red).as("red critical badge, border and backlog line").isGreaterThan(200);
        assertThat(blue).as("blue heap line").isGreaterThan(200);
        assertThat(light).as("a light page, not a blank or error screen").isBetween(pixels / 2, pixels - 1000);
    }

    private static boolean near(int rgb, int target) {
        return Math.abs((rgb >> 16 & 0xff) - (target >> 16 & 0xff)) < 24
                && Math.abs((rgb >> 8 & 0xff) - (target >> 8 & 0xff)) < 24
                && Math.abs((rgb & 0xff) - (target & 0xff)) < 24;
    }

    private static Optional<String> chromium() {
        String configured = System.getenv("MANOMETER_CHROMIUM");
        if (configured != null && !configured.isBlank()) {
            return Optional.of(configured);
        }
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .flatMap(d -> Stream.of("chromium", "chromium-browser", "google-chrome").map(n -> Path.of(d, n)))
                .filter(Files::isExecutable).map(Path::toString).findFirst();
    }
}
