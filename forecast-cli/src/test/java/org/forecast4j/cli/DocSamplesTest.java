package org.forecast4j.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Doc-test of the user guide: every {@code ```java} block of {@code README.md} and {@code docs/*.md} must compile
 * against the library, and every relative link in those files must point to an existing file.
 *
 * <p>This test lives in forecast-cli because that module has every library module but forecast-spark on its test
 * classpath (core, lstm, allocation, cli). Spark is left out on purpose: depending on forecast-spark would put its
 * minutes-long local-Spark test suite into every {@code -pl forecast-cli -am} build, so Spark samples are marked
 * {@code ```java no-compile}. The rules for samples (also stated in docs/architecture.md):
 * <ul>
 *   <li>A block with a top-level {@code class}, {@code record}, {@code interface} or {@code enum} declaration is a
 *       compilation unit and is compiled as it stands (default imports are added unless it has a {@code package}
 *       line).</li>
 *   <li>Any other block is a method body: its leading {@code import} lines are kept, and it is wrapped in a class
 *       with the default imports ({@link #DEFAULT_IMPORTS} plus every {@code org.forecast4j} package on the
 *       classpath) and a method that may throw {@code Exception}.</li>
 *   <li>Chapters may use the conventional names of {@link #GIVENS} (e.g. {@code series}, {@code values},
 *       {@code log}) without declaring them; they are fields of the wrapper class, so a sample that declares one
 *       simply shadows it.</li>
 *   <li>Output and shell commands use another fence language (or none). {@code ```java no-compile} opts a fragment
 *       out; keep that rare.</li>
 *   <li>{@code ```java run} also runs a wrapped sample after compiling it (its printed output is discarded), with
 *       the conventional variables set to the values of {@link DocGivens} (the shipped
 *       {@code examples/ecom_orders.csv} and objects derived from it). Mark only samples that are quick and need
 *       no file, database or network: most chapter samples read files that are not in the repository or train
 *       models for minutes, so they are only compiled.</li>
 * </ul>
 */
class DocSamplesTest {

    /** Imports added to every wrapped sample, beside every {@code org.forecast4j} package. */
    static final List<String> DEFAULT_IMPORTS = List.of(
            "java.io.*", "java.nio.file.*", "java.time.*", "java.util.*", "java.util.function.*");

    /**
     * Conventional variables that chapter samples may use without declaring them: name to "type = initial value".
     * Keep this list short and the names obvious: a reader must be able to guess the type from the name and the
     * surrounding text. The values (from {@link DocGivens}) matter only for samples that are run; the others are
     * {@code null}.
     */
    static final Map<String, String> GIVENS = givens();

    private static Map<String, String> givens() {
        Map<String, String> m = new LinkedHashMap<>();
        String ts = "org.forecast4j.core.TimeSeries";
        String g = "org.forecast4j.cli.DocGivens.";
        for (String name : List.of("series", "y", "dailyBuys")) {
            m.put(name, ts + " " + name + " = " + g + "series()");
        }
        m.put("train", ts + " train = " + g + "train()");
        m.put("test", ts + " test = " + g + "test()");
        m.put("air", ts + " air = null");
        m.put("values", "double[] values = series.values()");
        for (String name : List.of("x", "w", "promo", "price", "holiday", "fPromo", "fPrice", "promoNext",
                "holidayNext", "forecastOfW", "zMean", "zVariance")) {
            m.put(name, "double[] " + name + " = null");
        }
        m.put("forecast", "org.forecast4j.core.Forecast forecast = " + g + "forecast()");
        m.put("searchCurve", "org.forecast4j.allocation.ResponseCurve searchCurve = " + g + "curve()");
        m.put("feedCurve", "org.forecast4j.allocation.ResponseCurve feedCurve = " + g + "curve()");
        m.put("skuSeries", "java.util.List<org.forecast4j.core.TimeSeries> skuSeries = java.util.List.of(series)");
        m.put("cfg", "org.forecast4j.lstm.LstmConfig cfg = org.forecast4j.lstm.LstmConfig.builder().build()");
        m.put("log", "org.slf4j.Logger log = " + g + "log()");
        return m;
    }

    private static final Pattern FENCE = Pattern.compile("^(\\s*)```\\s*([\\w+-]*)(.*)$");
    private static final Pattern TOP_LEVEL_TYPE = Pattern.compile(
            "^(public\\s+|final\\s+|abstract\\s+|sealed\\s+)*(class|record|interface|enum)\\s+(\\w+)",
            Pattern.MULTILINE);
    private static final Pattern LINK = Pattern.compile("\\[[^\\]]*\\]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");

    /** One fenced java block. */
    record Sample(Path file, int firstLine, String code, boolean noCompile, boolean run) {
        String where(Path root) {
            return root.relativize(file) + ":" + firstLine;
        }
    }

    @Test
    void javaSamples_inReadmeAndDocs_compile(@TempDir Path out) throws IOException {
        Path root = repositoryRoot();
        List<String> errors = compileErrors(root, markdownFiles(root), out);
        if (!errors.isEmpty()) {
            fail(errors.size() + " compile error(s) in documentation samples:\n" + String.join("\n", errors));
        }
    }

    @Test
    void compileErrors_brokenSample_namesFileAndLine(@TempDir Path dir) throws IOException {
        // A wrong method name on line 6 of the file, inside a sample that starts on line 4.
        Path md = dir.resolve("broken.md");
        Files.writeString(md, "# t\n\n```java\nTimeSeries s = TimeSeries.of(1, 2, 3);\n"
                + "Forecast f = Forecasters.naive().fit(s).forecast(2, 80);\nf.meen();\n```\n");
        List<String> errors = compileErrors(dir, List.of(md), Files.createDirectory(dir.resolve("out")));
        assertTrue(errors.size() == 1 && errors.get(0).startsWith("broken.md:6 (sample at line 4)")
                && errors.get(0).contains("meen"), errors.toString());
    }

    @Test
    void compileErrors_runSampleThatThrows_namesSampleAndException(@TempDir Path dir) throws IOException {
        // horizon 0 is rejected by every FittedModel with an IllegalArgumentException; the compile-only copy is fine.
        Path md = dir.resolve("throws.md");
        String body = "Forecasters.naive().fit(series).forecast(0, 80);\n";
        Files.writeString(md, "# t\n```java run\n" + body + "```\n```java\n" + body + "```\n");
        List<String> errors = compileErrors(dir, List.of(md), Files.createDirectory(dir.resolve("out")));
        assertTrue(errors.size() == 1
                && errors.get(0).startsWith("throws.md:3: threw java.lang.IllegalArgumentException")
                && errors.get(0).contains("horizon"), errors.toString());
    }

    /** Compiles the java blocks of the given files; returns one "file:line (sample at line n): message" per error. */
    static List<String> compileErrors(Path root, List<Path> files, Path out) throws IOException {
        List<Sample> samples = new ArrayList<>();
        for (Path md : files) {
            samples.addAll(javaBlocks(md));
        }
        assertFalse(samples.isEmpty(), "no ```java blocks found in " + files);

        List<String> imports = new ArrayList<>(DEFAULT_IMPORTS);
        for (String pkg : forecast4jPackages()) {
            imports.add(pkg + ".*");
        }
        List<Source> sources = new ArrayList<>();
        int n = 0;
        for (Sample s : samples) {
            if (!s.noCompile()) {
                sources.add(Source.of(s, n++, imports));
            }
        }

        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertTrue(javac != null, "no system Java compiler (run the tests on a JDK, not a JRE)");
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        List<String> options = List.of("-classpath", testClasspath(), "-d", out.toString(),
                "-proc:none", "-Xlint:none", "-nowarn", "-encoding", "UTF-8");
        try (StandardJavaFileManager fm = javac.getStandardFileManager(diagnostics, Locale.ROOT,
                StandardCharsets.UTF_8)) {
            javac.getTask(null, fm, diagnostics, options, null, sources).call();
        }

        List<String> errors = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() != Diagnostic.Kind.ERROR) {
                continue;
            }
            if (d.getSource() instanceof Source src) {
                long mdLine = src.sample.firstLine() + d.getLineNumber() - src.headerLines;
                errors.add(root.relativize(src.sample.file()) + ":" + mdLine + " (sample at line "
                        + src.sample.firstLine() + "): " + d.getMessage(Locale.ROOT).replaceAll("\\s*\\n\\s*", "; "));
            } else {
                errors.add(d.toString());
            }
        }
        if (errors.isEmpty()) {
            errors.addAll(runFailures(root, sources, out));
        }
        return errors;
    }

    /** Runs the compiled samples marked {@code run}; returns one line per sample that threw. */
    private static List<String> runFailures(Path root, List<Source> sources, Path classes) throws IOException {
        List<String> failures = new ArrayList<>();
        PrintStream stdout = System.out;
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                DocSamplesTest.class.getClassLoader())) {
            for (Source src : sources) {
                if (!src.sample.run() || src.fullClass) {
                    continue;
                }
                ByteArrayOutputStream printed = new ByteArrayOutputStream();
                System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
                try {
                    Class<?> c = loader.loadClass(src.className);
                    Constructor<?> constructor = c.getDeclaredConstructor();
                    constructor.setAccessible(true);
                    Method sample = c.getDeclaredMethod("sample");
                    sample.setAccessible(true);
                    sample.invoke(constructor.newInstance());
                } catch (InvocationTargetException e) {
                    failures.add(src.sample.where(root) + ": threw " + e.getCause());
                } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                    failures.add(src.sample.where(root) + ": could not run: " + e);
                } finally {
                    System.setOut(stdout);
                }
            }
        }
        return failures;
    }

    @Test
    void relativeLinks_inReadmeAndDocs_pointToExistingFiles() throws IOException {
        Path root = repositoryRoot();
        List<String> broken = new ArrayList<>();
        for (Path md : markdownFiles(root)) {
            List<String> lines = Files.readAllLines(md, StandardCharsets.UTF_8);
            boolean inFence = false;
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (FENCE.matcher(line).matches()) {
                    inFence = !inFence;
                    continue;
                }
                if (inFence) {
                    continue;
                }
                Matcher m = LINK.matcher(line);
                while (m.find()) {
                    String target = m.group(1);
                    if (target.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")) {
                        continue; // absolute URL: http:, https:, mailto:
                    }
                    int hash = target.indexOf('#');
                    String path = hash < 0 ? target : target.substring(0, hash);
                    Path resolved = path.isEmpty() ? md
                            : md.getParent().resolve(URI.create(path).getPath()).normalize();
                    if (!Files.exists(resolved)) {
                        broken.add(root.relativize(md) + ":" + (i + 1) + ": " + target);
                    } else if (hash >= 0 && resolved.toString().endsWith(".md")
                            && !anchors(resolved).contains(target.substring(hash + 1))) {
                        broken.add(root.relativize(md) + ":" + (i + 1) + ": " + target + " (no such heading)");
                    }
                }
            }
        }
        if (!broken.isEmpty()) {
            fail("broken relative links:\n" + String.join("\n", broken));
        }
    }

    @Test
    void javaBlocks_mixedFences_extractsJavaBlocksWithFirstLine(@TempDir Path dir) throws IOException {
        // The extractor itself: a two-block file, the second block starting at line 6.
        Path md = dir.resolve("x.md");
        Files.writeString(md, "# t\n\n```java\nint a = 1;\n```\n```java no-compile\nfoo(\n```\n```text\nout\n```\n"
                + "```java run\nint b = 2;\n```\n");
        List<Sample> blocks = javaBlocks(md);
        assertTrue(blocks.size() == 3, "three java blocks, got " + blocks.size());
        assertTrue(blocks.get(2).run() && !blocks.get(2).noCompile() && !blocks.get(0).run(), blocks.toString());
        assertTrue(blocks.get(0).firstLine() == 4 && blocks.get(0).code().equals("int a = 1;\n"), blocks.toString());
        assertTrue(blocks.get(1).noCompile() && blocks.get(1).firstLine() == 7, blocks.toString());
    }

    @Test
    void anchors_headings_followGitHubSlugs(@TempDir Path dir) throws IOException {
        // Expected slugs written by hand from GitHub's rule (lower case, punctuation dropped, blanks to '-').
        Path md = dir.resolve("a.md");
        Files.writeString(md, "# Which model when\n## 4. Features: regressors\n```\n# not a heading\n```\n"
                + "## JSON `problem` format (contract)\n## Notes\n## Notes\n");
        assertTrue(anchors(md).equals(List.of("which-model-when", "4-features-regressors",
                "json-problem-format-contract", "notes", "notes-1")), anchors(md).toString());
    }

    /**
     * The anchors GitHub generates for the headings of a Markdown file: lower case, punctuation other than
     * {@code -} and {@code _} removed, blanks replaced by {@code -}, and {@code -1}, {@code -2} … appended to
     * repeated ones.
     */
    static List<String> anchors(Path md) throws IOException {
        List<String> anchors = new ArrayList<>();
        boolean inFence = false;
        for (String line : Files.readAllLines(md, StandardCharsets.UTF_8)) {
            if (FENCE.matcher(line).matches()) {
                inFence = !inFence;
            }
            if (inFence || !line.matches("^#{1,6} .*")) {
                continue;
            }
            String slug = line.replaceFirst("^#+ ", "").trim().toLowerCase(Locale.ROOT)
                    .replaceAll("[^\\p{L}\\p{M}\\p{N}\\p{Pc} -]", "").replace(' ', '-');
            String unique = slug;
            for (int k = 1; anchors.contains(unique); k++) {
                unique = slug + "-" + k;
            }
            anchors.add(unique);
        }
        return anchors;
    }

    /** README.md and docs/*.md (not recursive: docs/examples holds data, not chapters). */
    static List<Path> markdownFiles(Path root) throws IOException {
        List<Path> files = new ArrayList<>();
        files.add(root.resolve("README.md"));
        try (Stream<Path> s = Files.list(root.resolve("docs"))) {
            s.filter(p -> p.getFileName().toString().endsWith(".md")).sorted().forEach(files::add);
        }
        return files;
    }

    /** The ```java blocks of one Markdown file, with the 1-based line of their first code line. */
    static List<Sample> javaBlocks(Path md) throws IOException {
        List<String> lines = Files.readAllLines(md, StandardCharsets.UTF_8);
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher open = FENCE.matcher(lines.get(i));
            if (!open.matches()) {
                continue;
            }
            int close = i + 1;
            while (close < lines.size() && !lines.get(close).trim().startsWith("```")) {
                close++;
            }
            if (open.group(2).equals("java")) {
                String indent = open.group(1);
                StringBuilder code = new StringBuilder();
                for (int j = i + 1; j < close; j++) {
                    String l = lines.get(j);
                    code.append(l.startsWith(indent) ? l.substring(indent.length()) : l).append('\n');
                }
                List<String> flags = List.of(open.group(3).trim().split("\\s+"));
                samples.add(new Sample(md, i + 2, code.toString(), flags.contains("no-compile"),
                        flags.contains("run")));
            }
            i = close;
        }
        return samples;
    }

    /** The reactor root: the nearest directory upwards from the module that has a pom.xml and docs/. */
    static Path repositoryRoot() {
        String mmp = System.getProperty("maven.multiModuleProjectDirectory");
        if (mmp != null && Files.isDirectory(Path.of(mmp, "docs"))) {
            return Path.of(mmp).toAbsolutePath().normalize();
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("pom.xml")) && Files.isDirectory(p.resolve("docs"))
                    && Files.isRegularFile(p.resolve("README.md"))) {
                return p;
            }
        }
        throw new IllegalStateException("no repository root (pom.xml + docs/ + README.md) above "
                + Path.of("").toAbsolutePath());
    }

    /** The test JVM's class path, expanding surefire's manifest-only booter jar if present. */
    static String testClasspath() throws IOException {
        List<String> entries = new ArrayList<>();
        for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (e.contains("surefirebooter") && e.endsWith(".jar")) {
                try (JarFile jar = new JarFile(e)) {
                    Manifest mf = jar.getManifest();
                    String cp = mf == null ? null : mf.getMainAttributes().getValue("Class-Path");
                    if (cp != null) {
                        for (String u : cp.trim().split("\\s+")) {
                            entries.add(Path.of(URI.create(u)).toString());
                        }
                    }
                }
            } else {
                entries.add(e);
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    /** Every package under org.forecast4j that holds classes on the test classpath (main code only). */
    static TreeSet<String> forecast4jPackages() throws IOException {
        TreeSet<String> packages = new TreeSet<>();
        for (String e : testClasspath().split(File.pathSeparator)) {
            Path p = Path.of(e);
            if (Files.isDirectory(p)) {
                if (p.endsWith("test-classes")) {
                    continue;
                }
                Path base = p.resolve("org/forecast4j");
                if (Files.isDirectory(base)) {
                    try (Stream<Path> s = Files.walk(base)) {
                        s.filter(f -> f.toString().endsWith(".class"))
                                .forEach(f -> packages.add(p.relativize(f.getParent()).toString()
                                        .replace(File.separatorChar, '.')));
                    }
                }
            } else if (e.endsWith(".jar") && Files.isRegularFile(p)) {
                try (JarFile jar = new JarFile(p.toFile())) {
                    jar.stream().map(j -> j.getName())
                            .filter(n -> n.startsWith("org/forecast4j/") && n.endsWith(".class"))
                            .forEach(n -> packages.add(n.substring(0, n.lastIndexOf('/')).replace('/', '.')));
                }
            }
        }
        return packages;
    }

    /** A sample as a compilation unit, remembering how many lines were added before the sample's first line. */
    static final class Source extends SimpleJavaFileObject {
        final Sample sample;
        final String className;
        final boolean fullClass;
        final String text;
        final int headerLines;

        private Source(String className, boolean fullClass, Sample sample, String text, int headerLines) {
            super(URI.create("string:///" + className + ".java"), Kind.SOURCE);
            this.sample = sample;
            this.className = className;
            this.fullClass = fullClass;
            this.text = text;
            this.headerLines = headerLines;
        }

        static Source of(Sample s, int index, List<String> imports) {
            String code = s.code();
            String importLines = imports.stream().map(i -> "import " + i + ";").collect(Collectors.joining("\n"));
            Matcher type = TOP_LEVEL_TYPE.matcher(code);
            if (type.find()) {
                if (code.stripLeading().startsWith("package ")) {
                    return new Source(type.group(3), true, s, code, 1);
                }
                String header = importLines + "\n";
                return new Source(type.group(3), true, s, header + code, lineCount(header) + 1);
            }
            // Hoist the sample's own leading imports; they stay on their lines (blanked in the body).
            StringBuilder own = new StringBuilder();
            StringBuilder body = new StringBuilder();
            boolean leading = true;
            for (String line : code.split("\n", -1)) {
                if (leading && (line.startsWith("import ") || line.isBlank())) {
                    own.append(line).append(' ');
                    body.append('\n');
                } else {
                    leading = false;
                    body.append(line).append('\n');
                }
            }
            String className = "DocSample" + index;
            StringBuilder fields = new StringBuilder();
            GIVENS.values().forEach(declaration -> fields.append(declaration).append("; "));
            String header = own + importLines + "\n"
                    + "@SuppressWarnings(\"all\") class " + className + " { " + fields + "\n"
                    + "void sample() throws Exception {\n";
            return new Source(className, false, s, header + body + "\n}}\n", lineCount(header) + 1);
        }

        private static int lineCount(String s) {
            return (int) s.chars().filter(c -> c == '\n').count();
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return text;
        }
    }
}
