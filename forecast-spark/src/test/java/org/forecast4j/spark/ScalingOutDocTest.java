package org.forecast4j.spark;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
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
 * The Spark samples of docs/scaling-out.md compile against this module (forecast-cli's DocSamplesTest compiles the
 * other chapters' samples but has no Spark on its class path, so these are marked {@code ```java no-compile} for
 * it). Each {@code ```java} block of the chapter is a method body, wrapped in a class with the imports below and
 * with the chapter's conventional names as fields: {@code spark}, {@code history}, {@code future},
 * {@code taobaoSchema}; a sample that declares one of them shadows the field.
 */
class ScalingOutDocTest {

    private static final List<String> IMPORTS = List.of("java.time.*", "java.util.*", "org.apache.spark.sql.*",
            "org.apache.spark.sql.types.*", "org.forecast4j.core.*", "org.forecast4j.core.events.*",
            "org.forecast4j.spark.*");
    private static final String FIELDS = "SparkSession spark; Dataset<Row> history; Dataset<Row> future; "
            + "StructType taobaoSchema;";

    @Test
    void javaSamples_inScalingOutChapter_compile(@TempDir Path out) throws IOException {
        Path md = repositoryRoot().resolve("docs").resolve("scaling-out.md");
        List<String> lines = Files.readAllLines(md, StandardCharsets.UTF_8);
        List<JavaFileObject> sources = new ArrayList<>();
        List<Integer> firstLines = new ArrayList<>();
        int header = IMPORTS.size() + 2;
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).trim().startsWith("```java")) {
                continue;
            }
            StringBuilder code = new StringBuilder();
            for (String imp : IMPORTS) {
                code.append("import ").append(imp).append(";\n");
            }
            int n = sources.size();
            code.append("class Sample").append(n).append(" { ").append(FIELDS).append('\n');
            code.append("void run() throws Exception {\n");
            int start = i + 1;
            for (i = start; i < lines.size() && !lines.get(i).trim().startsWith("```"); i++) {
                code.append(lines.get(i)).append('\n');
            }
            code.append("}}\n");
            firstLines.add(start + 1);
            String text = code.toString();
            sources.add(new SimpleJavaFileObject(URI.create("string:///Sample" + n + ".java"),
                    JavaFileObject.Kind.SOURCE) {
                @Override
                public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                    return text;
                }
            });
        }
        assertTrue(sources.size() >= 3, "expected the ten-line, regressor and aggregation samples, found "
                + sources.size());
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertNotNull(javac, "no system Java compiler (run the tests on a JDK)");
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        List<String> options = List.of("-classpath", classpath(), "-d", out.toString(), "-proc:none", "-nowarn");
        try (StandardJavaFileManager fm = javac.getStandardFileManager(diagnostics, Locale.ROOT,
                StandardCharsets.UTF_8)) {
            javac.getTask(null, fm, diagnostics, options, null, sources).call();
        }
        List<String> errors = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() == Diagnostic.Kind.ERROR) {
                int sample = Integer.parseInt(d.getSource().getName().replaceAll("\\D", ""));
                long line = firstLines.get(sample) + d.getLineNumber() - header - 1;
                errors.add("docs/scaling-out.md:" + line + ": " + d.getMessage(Locale.ROOT));
            }
        }
        if (!errors.isEmpty()) {
            fail(String.join("\n", errors));
        }
    }

    private static Path repositoryRoot() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("docs").resolve("scaling-out.md"))) {
                return p;
            }
        }
        throw new IllegalStateException("no docs/scaling-out.md above " + Path.of("").toAbsolutePath());
    }

    /** The test JVM's class path, expanding surefire's manifest-only booter jar. */
    private static String classpath() throws IOException {
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
}
