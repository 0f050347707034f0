package org.forecast4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --output} and {@code --verbose}, shared by the commands.
 */
public class CommonOptions {

    @Option(names = "--output", paramLabel = "<file>", description = "Write the result to this file (default: standard output).")
    Path output;

    @Option(names = "--verbose", description = "Log progress (info/debug) to standard error, and print the stack trace of an error.")
    boolean verbose;

    /**
     * Writes with {@code body} to {@code --output} or, without it, to {@code stdout}.
     *
     * @param stdout the command's standard output; flushed, not closed
     * @param body   writes the result
     * @throws UncheckedIOException if the output file cannot be written (the message names it)
     */
    void write(PrintWriter stdout, java.util.function.Consumer<Writer> body) {
        if (output == null) {
            body.accept(stdout);
            stdout.flush();
            return;
        }
        try (Writer w = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
            body.accept(w);
        } catch (NoSuchFileException e) {
            throw new UncheckedIOException(output + ": cannot write: no such directory", e);
        } catch (IOException e) {
            throw new UncheckedIOException(output + ": cannot write: " + e.getMessage(), e);
        }
    }
}
