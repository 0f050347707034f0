package org.forecast4j.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Properties;
import org.forecast4j.cli.demo.DemoCommand;
import org.forecast4j.core.ModelFitException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParseResult;

/**
 * The {@code forecast4j} command: {@code forecast} and {@code evaluate} subcommands (see {@code docs/cli.md}).
 *
 * <p>Exit codes: 0 success; 2 bad input or usage (a missing file or column, a malformed cell, a bad flag value,
 * a series too short for the model); 3 a model could not be fitted ({@link ModelFitException}); 1 an internal
 * error. Errors print exactly one line on standard error, prefixed {@code forecast4j: }; {@code --verbose} adds
 * the stack trace.
 *
 * <pre>{@code
 * int code = Main.run(new String[] {"forecast", "--input", "y.csv", "--horizon", "7"}, out, err);
 * }</pre>
 */
@Command(name = "forecast4j", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        subcommands = {DemoCommand.class, ForecastCommand.class, EvaluateCommand.class, FitCommand.class,
                BenchCommand.class, AggregateCommand.class, SimulateCommand.class, AllocateCommand.class},
        usageHelpAutoWidth = true,
        description = "Forecast e-commerce behaviour series, evaluate models and plan marketing budgets.",
        footer = {"", "Exit codes: 0 ok, 2 bad input or usage, 3 model fit failed, 1 internal error.",
                "Run 'forecast4j <command> --help' for a command's flags."})
public final class Main implements Runnable {

    /** Exit code of bad input and usage errors. */
    public static final int EXIT_BAD_INPUT = 2;
    /** Exit code when a model could not be fitted. */
    public static final int EXIT_MODEL_FAILED = 3;
    /** Exit code of internal errors. */
    public static final int EXIT_INTERNAL = 1;

    private static final String LOG_LEVEL_PROPERTY = "org.slf4j.simpleLogger.defaultLogLevel";

    /**
     * Whether standard error is a terminal ({@link #stderrIsTerminal()}, set by {@link #main}); progress bars are
     * drawn by default only then. In-process runs ({@link #run}) leave it false.
     */
    static volatile boolean interactive;

    private final ModelRegistry registry;

    @picocli.CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The command with the standard models ({@link ModelRegistry#standard()}). */
    public Main() {
        this(ModelRegistry.standard());
    }

    /**
     * The command with a given model registry.
     *
     * @param registry the models {@code --model} can name
     */
    public Main(ModelRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    /**
     * Entry point: runs the command on standard output and error and exits with its code.
     *
     * @param args command-line arguments
     */
    public static void main(String[] args) {
        configureLogging(args);
        interactive = stderrIsTerminal();
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        System.exit(run(args, out, err));
    }

    /**
     * Runs the command with the standard models.
     *
     * @param args arguments
     * @param out  standard output (results, help, version)
     * @param err  standard error (one-line error messages)
     * @return the exit code
     */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return run(ModelRegistry.standard(), args, out, err);
    }

    /**
     * Runs the command with a given model registry.
     *
     * @param registry the models
     * @param args     arguments
     * @param out      standard output
     * @param err      standard error
     * @return the exit code
     */
    public static int run(ModelRegistry registry, String[] args, PrintWriter out, PrintWriter err) {
        int code = commandLine(registry, out, err).execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /**
     * The configured picocli command line: case-insensitive enum values, one-line errors, exit codes as in the
     * class description.
     *
     * @param registry the models
     * @param out      standard output
     * @param err      standard error
     * @return the command line
     */
    public static CommandLine commandLine(ModelRegistry registry, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new Main(registry));
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExecutionExceptionHandler(Main::handleExecutionException);
        cl.setParameterExceptionHandler(Main::handleParameterException);
        return cl;
    }

    /**
     * The model registry of this command.
     *
     * @return the registry
     */
    public ModelRegistry registry() {
        return registry;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command: forecast or evaluate");
    }

    private static int handleParameterException(CommandLine.ParameterException ex, String[] args) {
        CommandLine c = ex.getCommandLine();
        PrintWriter err = c.getErr();
        err.println("forecast4j: " + oneLine(ex.getMessage()) + " (see '" + c.getCommandSpec().qualifiedName()
                + " --help')");
        err.flush();
        return EXIT_BAD_INPUT;
    }

    private static int handleExecutionException(Exception ex, CommandLine c, ParseResult parseResult) {
        if (ex instanceof CommandLine.ParameterException) {
            return handleParameterException((CommandLine.ParameterException) ex, new String[0]);
        }
        PrintWriter err = c.getErr();
        int code;
        String message = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
        if (ex instanceof IllegalArgumentException || ex instanceof UncheckedIOException
                || ex instanceof IOException) {
            code = EXIT_BAD_INPUT;
        } else if (ex instanceof ModelFitException) {
            code = EXIT_MODEL_FAILED;
            message = "model fit failed: " + message;
        } else {
            code = EXIT_INTERNAL;
            message = "internal error: " + ex.getClass().getSimpleName() + ": " + message
                    + " (rerun with --verbose for the stack trace)";
        }
        err.println("forecast4j: " + oneLine(message));
        if (verbose(parseResult)) {
            ex.printStackTrace(err);
        }
        err.flush();
        return code;
    }

    private static boolean verbose(ParseResult pr) {
        ParseResult p = pr;
        while (p != null) {
            if (p.hasMatchedOption("--verbose")) {
                return true;
            }
            p = p.subcommand();
        }
        return false;
    }

    /**
     * Sets the slf4j-simple level before the first logger exists: debug with {@code --verbose}, else warn (an
     * explicit {@code -Dorg.slf4j.simpleLogger.defaultLogLevel} wins).
     *
     * @param args the command-line arguments
     */
    static void configureLogging(String[] args) {
        if (System.getProperty(LOG_LEVEL_PROPERTY) != null) {
            return;
        }
        for (String a : args) {
            if ("--verbose".equals(a)) {
                System.setProperty(LOG_LEVEL_PROPERTY, "debug");
                return;
            }
        }
    }

    /**
     * Whether standard error is a terminal: on Linux, whether file descriptor 2 links to a terminal device
     * ({@code /dev/pts/N} or {@code /dev/ttyN}), so that redirecting standard output alone keeps the progress bars;
     * elsewhere Java's {@code System.console() != null} (standard input and output are a terminal).
     *
     * @return true when progress bars can be drawn
     */
    static boolean stderrIsTerminal() {
        java.nio.file.Path fd2 = java.nio.file.Path.of("/proc/self/fd/2");
        try {
            if (java.nio.file.Files.isSymbolicLink(fd2)) {
                String target = java.nio.file.Files.readSymbolicLink(fd2).toString();
                return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
            }
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            // no /proc: fall back to the console test below
        }
        return System.console() != null;
    }

    static String oneLine(String s) {
        return s.replaceAll("\\s*[\\r\\n]+\\s*", " ").trim();
    }

    /**
     * Prints a number without a trailing {@code .0} when it is whole (levels: 80, 97.5).
     *
     * @param v the number
     * @return its text
     */
    static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    /** The version from the build ({@code version.properties}). */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"forecast4j " + version(),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
        }

        static String version() {
            try (InputStream in = Main.class.getResourceAsStream("version.properties")) {
                if (in == null) {
                    return "dev";
                }
                Properties p = new Properties();
                p.load(in);
                return p.getProperty("version", "dev");
            } catch (IOException e) {
                return "dev";
            }
        }
    }
}
