package org.neurodec.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurodec.cli.Main;
import org.neurodec.ingest.TestData;
import picocli.CommandLine;

/**
 * A job's report.html in a real browser: headless Chromium (Debian's {@code chromium}, which
 * {@code .ci/run} installs when missing; another binary with {@code -Dneurodec.chromium=PATH}) opens
 * the page from disk with the network off, the page's own script counts the figures the browser
 * decoded, and a screenshot of the page is taken and must show more than a blank page.
 */
class ReportBrowserTest {

    private static final Path EXAMPLES = Path.of(System.getProperty("neurodec.root", "..")).resolve("examples");

    @Test
    void theReportsFiguresLoadInChromium(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("motor-imagery");
        CommandLine cli = Main.commandLine();
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err));
        cli.setOut(new PrintWriter(new StringWriter()));
        int status = cli.execute("run", EXAMPLES.resolve("motor-imagery.yaml").toString(), "--out", out.toString(),
                "--set", "data=" + TestData.root().toAbsolutePath(), "--no-progress");
        assertEquals(0, status, err.toString());
        String url = out.resolve("report.html").toUri().toString();

        String dom = chromium(dir, "--dump-dom", url);
        Matcher loaded = Pattern.compile("data-figures-loaded=\"(\\d+)/(\\d+)\"").matcher(dom);
        assertTrue(loaded.find(), "the page's load script ran: " + dom.substring(0, Math.min(300, dom.length())));
        assertEquals(2, Integer.parseInt(loaded.group(2)), "accuracy per split and the confusion matrix: " + loaded.group());
        assertEquals(loaded.group(2), loaded.group(1), "every figure decoded: " + loaded.group());

        Path shot = dir.resolve("report.png");
        chromium(dir, "--screenshot=" + shot, "--window-size=1000,1400", url);
        BufferedImage image = ImageIO.read(shot.toFile());
        assertEquals(1000, image.getWidth());
        int dark = 0;
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                int rgb = image.getRGB(x, y);
                int grey = ((rgb >> 16 & 255) + (rgb >> 8 & 255) + (rgb & 255)) / 3;
                dark += grey < 64 ? 1 : 0;
            }
        }
        assertTrue(dark > 2000, "the screenshot shows text and figures, not a blank page: " + dark + " dark samples");
    }

    private static String chromium(Path dir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(binary(), "--headless", "--no-sandbox", "--disable-gpu",
                "--no-first-run", "--user-data-dir=" + dir.resolve("profile"), "--proxy-server=127.0.0.1:9",
                "--virtual-time-budget=5000"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] stdout = process.getInputStream().readAllBytes();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "chromium finished within a minute");
        assertEquals(0, process.exitValue(), "chromium " + String.join(" ", args));
        return new String(stdout, StandardCharsets.UTF_8);
    }

    private static String binary() {
        String configured = System.getProperty("neurodec.chromium");
        if (configured != null) {
            return configured;
        }
        for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
            for (String folder : System.getenv().getOrDefault("PATH", "").split(":")) {
                if (Files.isExecutable(Path.of(folder, name))) {
                    return Path.of(folder, name).toString();
                }
            }
        }
        throw new AssertionError("no Chromium on the PATH: install Debian's chromium package (.ci/run does so) or give"
                + " -Dneurodec.chromium=PATH");
    }
}
