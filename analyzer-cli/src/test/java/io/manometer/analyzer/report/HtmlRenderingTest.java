package io.manometer.analyzer.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.manometer.analyzer.detect.Analysis;
import io.manometer.analyzer.detect.Preferences;
import io.manometer.analyzer.detect.Severity;
import io.manometer.analyzer.reading.TestRecordings;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML report as a browser draws it: headless Chromium takes a screenshot, and the picture must
 * show the critical finding's red badge and backlog line and the heap's blue line on a mostly light
 * page (a blank page, an error page or unstyled text fails). Skipped
 * (not passed) where no Chromium is installed; {@code MANOMETER_CHROMIUM} names one elsewhere.
 */
class HtmlRenderingTest {
    private static final int CRITICAL_RED = 0xc62828;
    private static final int HEAP_BLUE = 0x1e88e5;

    @TempDir
    Path dir;

    @Test
    void headlessChromiumDrawsTheBadgeAndTheChart() throws Exception {
        Optional<String> chromium = chromium();
        assumeTrue(chromium.isPresent(), "no Chromium on this machine");
        Path page = dir.resolve("report.html");
        RecordingResult result = new RecordingResult("app.jfr", null, 20, "test", List.of(),
                new Analysis(Analysis.allDetectors(), Preferences.defaults()).run(TestRecordings.create()
                        .queue(1, -1, 20, 20_000, s -> 18_000 * s)
                        .heap(20, 512_000_000L, s -> 30_000_000L + 4_000_000L * s).build()));
        try (Writer out = Files.newBufferedWriter(page)) {
            ReportFormat.html.write(new Report("1.0", Severity.INFO, List.of(result)), out, false);
        }
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
