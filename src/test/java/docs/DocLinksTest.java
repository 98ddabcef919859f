package docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every relative link and image of README.md and docs/*.md leads somewhere: the file (or folder) exists
 * inside the repository, and a {@code #anchor} names a heading of the target page, by GitHub's slug rules
 * (lower case; letters, digits, spaces, '-' and '_' kept, everything else removed; each space a '-'; a
 * repeated heading gets -1, -2, …). Links with a scheme (https:, mailto:, …) are not checked; links and
 * headings inside code (fenced blocks, `spans`) are not links or headings. Anchors are checked on
 * markdown targets only (a source file's #L12 is GitHub's, not a heading).
 */
class DocLinksTest {

    static final Path ROOT = Path.of("").toAbsolutePath().normalize();

    /** [text](target) and ![alt](target), with an optional "title"; the text may hold one level of [brackets]. */
    private static final Pattern INLINE = Pattern.compile(
            "!?\\[(?:[^\\[\\]]|\\[[^\\[\\]]*])*]\\(\\s*(<[^>\\n]*>|[^)\\s]+)(?:\\s+(?:\"[^\"]*\"|'[^']*'))?\\s*\\)");
    /** [label]: target */
    private static final Pattern REFERENCE = Pattern.compile("(?m)^ {0,3}\\[[^\\]\\n]+]:[ \\t]*(<[^>\\n]*>|\\S+)");
    private static final Pattern HEADING = Pattern.compile("^ {0,3}#{1,6}(?:[ \\t]+(.*?))?(?:[ \\t]+#+)?[ \\t]*$");
    private static final Pattern FENCE = Pattern.compile("^ *(`{3,}|~{3,})");
    private static final Pattern CODE_SPAN = Pattern.compile("(`+)[\\s\\S]*?[^`]\\1(?!`)|(`+)\\2");
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");

    record Link(Path file, int line, String target) {
        @Override
        public String toString() {
            return ROOT.relativize(file) + ":" + line + ": " + target;
        }
    }

    @Test
    void everyRelativeLinkAndImageResolves() throws IOException {
        List<Path> pages = pages();
        assertThat(pages).contains(ROOT.resolve("README.md"));

        List<String> broken = new ArrayList<>();
        int checked = 0;
        for (Path page : pages) {
            for (Link link : links(page)) {
                checked++;
                String problem = problem(link);
                if (problem != null) {
                    broken.add(link + " (" + problem + ")");
                }
            }
        }
        assertThat(checked).as("relative links found in %s", pages).isGreaterThan(0);
        assertThat(broken).as("broken relative links in README.md and docs/*.md").isEmpty();
    }

    @Test
    void readmeStartsWithTheRunCommandAndTheTestCommand() throws IOException {
        List<String> blocks = fencedBlocks(Files.readString(ROOT.resolve("README.md")));
        assertThat(blocks).hasSizeGreaterThanOrEqualTo(2);
        assertThat(blocks.get(0).strip()).isEqualTo("mvn -DskipTests package && java -jar target/covid-pipeline.jar");
        assertThat(blocks.get(1).strip()).isEqualTo("mvn verify");
    }

    @Test
    void slugsFollowGitHubsRules() {
        assertThat(slug("Reliability: crashes, restarts, outages")).isEqualTo("reliability-crashes-restarts-outages");
        assertThat(slug("The Glue/Athena emulator")).isEqualTo("the-glueathena-emulator");
        assertThat(slug("The local stack (`provided`, never in production)"))
                .isEqualTo("the-local-stack-provided-never-in-production");
        assertThat(slug("Explore the lake with the aws CLI and kcat")).isEqualTo("explore-the-lake-with-the-aws-cli-and-kcat");
        assertThat(slug("`lake.s3_sse` -- and [a link](x.md)")).isEqualTo("lakes3_sse----and-a-link");
        assertThat(slug("Zürich's **bold** 2023")).isEqualTo("zürichs-bold-2023");
    }

    @Test
    void repeatedHeadingsGetNumberedAnchorsAndCodeIsNoHeading() {
        String page = "# Title\n\n## Notes\n\n```sh\n# not a heading\n```\n\n## Notes\n## Notes\n";
        assertThat(anchors(page)).containsExactly("title", "notes", "notes-1", "notes-2");
    }

    @Test
    void linksInCodeAndWithASchemeAreNotChecked() throws IOException {
        Path page = Files.createTempFile("links", ".md");
        try {
            Files.writeString(page, String.join("\n",
                    "See [a](a.md#x \"title\") and ![img](images/p.png), [web](https://example.org/x), [mail](mailto:x@y.z),",
                    "`[in code](nothing.md)`, [self](#own-heading).",
                    "```",
                    "[fenced](nothing.md)",
                    "```",
                    "[ref]: <b c.md>",
                    "[`code text` with [nested]](d.md)"));
            assertThat(links(page)).extracting(Link::target)
                    .containsExactly("a.md#x", "images/p.png", "#own-heading", "d.md", "b c.md");
            assertThat(links(page)).extracting(Link::line).containsExactly(1, 1, 2, 7, 6);
        } finally {
            Files.delete(page);
        }
    }

    // ---------------------------------------------------------------- the checks

    /** What is wrong with a link, or null. */
    static String problem(Link link) {
        String target = link.target();
        int hash = target.indexOf('#');
        String pathPart = hash < 0 ? target : target.substring(0, hash);
        String anchor = hash < 0 ? null : decode(target.substring(hash + 1));
        int query = pathPart.indexOf('?');
        if (query >= 0) {
            pathPart = pathPart.substring(0, query);
        }
        Path resolved = pathPart.isEmpty()
                ? link.file()
                : link.file().getParent().resolve(decode(pathPart)).normalize();
        if (!resolved.startsWith(ROOT)) {
            return "outside the repository";
        }
        if (!Files.exists(resolved)) {
            return "no such file: " + ROOT.relativize(resolved);
        }
        if (anchor != null && Files.isRegularFile(resolved) && resolved.toString().endsWith(".md")) {
            Set<String> anchors;
            try {
                anchors = anchors(Files.readString(resolved));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (!anchors.contains(anchor)) {
                return "no heading #" + anchor + " in " + ROOT.relativize(resolved);
            }
        }
        return null;
    }

    static List<Path> pages() {
        List<Path> pages = new ArrayList<>();
        pages.add(ROOT.resolve("README.md"));
        Path docs = ROOT.resolve("docs");
        if (Files.isDirectory(docs)) {
            try (Stream<Path> files = Files.walk(docs)) {
                files.filter(f -> f.toString().endsWith(".md")).sorted().forEach(pages::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return pages;
    }

    /** The relative links and images of a page, in page order (inline ones first, then reference definitions). */
    static List<Link> links(Path page) throws IOException {
        String text = withoutCode(Files.readString(page));
        List<Link> links = new ArrayList<>();
        for (Pattern pattern : List.of(INLINE, REFERENCE)) {
            Matcher m = pattern.matcher(text);
            while (m.find()) {
                String target = m.group(1);
                if (target.startsWith("<") && target.endsWith(">")) {
                    target = target.substring(1, target.length() - 1);
                }
                if (target.isEmpty() || SCHEME.matcher(target).find()) {
                    continue;
                }
                links.add(new Link(page, lineOf(text, m.start()), target));
            }
        }
        return links;
    }

    /** The anchors GitHub gives the headings of a page. */
    static Set<String> anchors(String page) {
        Set<String> anchors = new LinkedHashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        for (String line : withoutFencedBlocks(page).split("\n", -1)) {
            Matcher m = HEADING.matcher(line);
            if (!m.matches()) {
                continue;
            }
            String base = slug(m.group(1) == null ? "" : m.group(1));
            int n = seen.merge(base, 1, Integer::sum) - 1;
            anchors.add(n == 0 ? base : base + "-" + n);
        }
        return anchors;
    }

    /** GitHub's heading slug: the heading's text, lower case, punctuation but '-' and '_' removed, spaces to '-'. */
    static String slug(String heading) {
        String text = heading
                .replaceAll("!?\\[((?:[^\\[\\]]|\\[[^\\[\\]]*])*)]\\([^)]*\\)", "$1")   // a link or image: its text
                .toLowerCase(Locale.ROOT);
        return text.replaceAll("[^\\p{L}\\p{M}\\p{N}\\p{Pc} -]", "").replace(' ', '-');
    }

    // ---------------------------------------------------------------- code is not text

    /** The page with fenced blocks and code spans blanked out (newlines kept, so offsets and lines stay). */
    static String withoutCode(String page) {
        String text = withoutFencedBlocks(page);
        StringBuilder out = new StringBuilder(text);
        Matcher m = CODE_SPAN.matcher(text);
        while (m.find()) {
            if (m.group().contains("\n\n")) {
                continue;   // a code span does not cross a paragraph
            }
            for (int i = m.start(); i < m.end(); i++) {
                if (out.charAt(i) != '\n') {
                    out.setCharAt(i, ' ');
                }
            }
        }
        return out.toString();
    }

    static String withoutFencedBlocks(String page) {
        StringBuilder out = new StringBuilder();
        String fence = null;
        for (String line : page.split("\n", -1)) {
            Matcher m = FENCE.matcher(line);
            boolean blank = fence != null;
            if (fence == null && m.find()) {
                fence = m.group(1);
                blank = true;
            } else if (fence != null && m.find() && m.group(1).charAt(0) == fence.charAt(0)
                    && m.group(1).length() >= fence.length() && line.strip().equals(m.group(1))) {
                fence = null;
            }
            out.append(blank ? " ".repeat(line.length()) : line).append('\n');
        }
        return out.substring(0, out.length() - 1);
    }

    static List<String> fencedBlocks(String page) {
        List<String> blocks = new ArrayList<>();
        StringBuilder block = null;
        for (String line : page.split("\n", -1)) {
            boolean isFence = FENCE.matcher(line).find();
            if (block == null && isFence) {
                block = new StringBuilder();
            } else if (block != null && isFence) {
                blocks.add(block.toString());
                block = null;
            } else if (block != null) {
                block.append(line).append('\n');
            }
        }
        return blocks;
    }

    private static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
