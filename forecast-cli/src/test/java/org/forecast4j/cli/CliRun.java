package org.forecast4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Path;

/** Runs the command in-process with captured standard output and error. */
final class CliRun {

    final int code;
    final String out;
    final String err;

    private CliRun(int code, String out, String err) {
        this.code = code;
        this.out = out;
        this.err = err;
    }

    static CliRun run(String... args) {
        return run(ModelRegistry.standard(), args);
    }

    static CliRun run(ModelRegistry registry, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(registry, args, new PrintWriter(out), new PrintWriter(err));
        return new CliRun(code, out.toString(), err.toString());
    }

    /** The path of a test resource under /cli. */
    static String resource(String name) {
        try {
            return Path.of(CliRun.class.getResource("/cli/" + name).toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Asserts success with nothing on standard error. */
    CliRun ok() {
        assertEquals(0, code, () -> "exit code " + code + ", stderr: " + err);
        assertEquals("", err);
        return this;
    }

    /**
     * Asserts a bad-input failure: exit code 2, nothing on standard output, exactly one line on standard error
     * that contains {@code expected}.
     */
    CliRun badInput(String expected) {
        return failed(Main.EXIT_BAD_INPUT, expected);
    }

    CliRun failed(int expectedCode, String expected) {
        assertEquals(expectedCode, code, () -> "exit code; stderr: " + err);
        assertEquals("", out, "nothing on stdout");
        String[] lines = err.split("\n", -1);
        assertEquals(2, lines.length, () -> "exactly one line on stderr, got: " + err);
        assertEquals("", lines[1]);
        assertTrue(lines[0].startsWith("forecast4j: "), err);
        assertTrue(lines[0].contains(expected), () -> "expected '" + expected + "' in: " + err);
        return this;
    }
}
