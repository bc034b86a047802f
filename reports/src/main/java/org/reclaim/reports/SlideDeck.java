package org.reclaim.reports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.reclaim.analysis.results.ResultsFile;

/**
 * A lecture's slides: one self-contained reveal.js deck ({@code FILE.html}: reveal.js, its style
 * and every image inlined, so it opens with no network) and the same slides as Markdown for Marp
 * ({@code FILE.md}, its images in {@code FILE-images/}).
 *
 * @param title  the first slide's title
 * @param slides the slides, in order
 */
public record SlideDeck(String title, List<Slide> slides) {

    /**
     * One slide: any of a code listing, a table and an image, under a title and a subtitle.
     *
     * @param title    the heading
     * @param subtitle one sentence under it (a chart's takeaway), or empty
     * @param code     source lines shown as code, or empty
     * @param table    a table's rows, the first the header, or empty
     * @param image    a PNG shown full width, or null
     * @param notes    the speaker notes, or empty
     */
    public record Slide(String title, String subtitle, List<String> code, List<List<String>> table, Path image, String notes) {
        public Slide {
            code = List.copyOf(code);
            table = table.stream().map(List::copyOf).toList();
        }
    }

    public SlideDeck {
        slides = List.copyOf(slides);
    }

    /** The files a deck was written to. */
    public record Written(Path html, Path markdown, List<Path> images) {}

    /**
     * Writes the deck to {@code html} and its Marp twin beside it ({@code .md} for {@code .html}).
     *
     * @throws UncheckedIOException if a file cannot be read or written
     */
    public Written write(Path html) {
        String stem = html.getFileName().toString().replaceFirst("\\.html?$", "");
        Path dir = html.toAbsolutePath().getParent();
        Path md = dir.resolve(stem + ".md"), images = dir.resolve(stem + "-images");
        List<Path> copied = new ArrayList<>();
        List<Map<String, Object>> htmlSlides = new ArrayList<>(), mdSlides = new ArrayList<>();
        try {
            Files.createDirectories(images);
            for (Slide s : slides) {
                Map<String, Object> h = model(s), m = model(s);
                if (s.image() != null) {
                    byte[] png = Files.readAllBytes(s.image());
                    h.put("image", "data:image/png;base64," + Base64.getEncoder().encodeToString(png));
                    Path copy = images.resolve(s.image().getFileName());
                    if (!copy.equals(s.image().toAbsolutePath())) Files.write(copy, png);
                    copied.add(copy);
                    m.put("image", images.getFileName() + "/" + copy.getFileName());
                }
                htmlSlides.add(h);
                mdSlides.add(m);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the slides' images into " + images + ": " + e.getMessage(), e);
        }
        Map<String, Object> deck = new LinkedHashMap<>();
        deck.put("title", title);
        deck.put("slides", htmlSlides);
        deck.put("revealJs", resource("reveal.js"));
        // The theme's one @import fetches a web font: left out, so the deck needs no network.
        deck.put("revealCss", resource("reveal.css") + "\n" + resource("white.css").replaceAll("(?m)^@import url\\([^)]*\\);\\s*$", ""));
        ResultsFile.writeWhole(html, Report.render(Report.HTML_ENGINE, "slides.html.peb", deck));
        deck.put("slides", mdSlides);
        ResultsFile.writeWhole(md, Report.render(Report.MARKDOWN_ENGINE, "slides.md.peb", deck));
        return new Written(html, md, copied);
    }

    private static Map<String, Object> model(Slide s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", s.title());
        m.put("subtitle", s.subtitle());
        m.put("code", s.code());
        m.put("head", s.table().isEmpty() ? List.of() : s.table().getFirst());
        m.put("rows", s.table().isEmpty() ? List.of() : s.table().subList(1, s.table().size()));
        m.put("image", "");
        m.put("notes", s.notes());
        return m;
    }

    private static String resource(String name) {
        try (InputStream in = SlideDeck.class.getResourceAsStream("/slides/reveal/" + name)) {
            if (in == null) throw new IllegalStateException("reveal.js's " + name + " is missing from the lab's jar");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
