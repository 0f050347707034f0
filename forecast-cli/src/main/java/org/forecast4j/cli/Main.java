package org.forecast4j.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code forecast4j} command.
 */
@Command(name = "forecast4j", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        subcommands = {AggregateCommand.class, SimulateCommand.class},
        description = "Forecast e-commerce behaviour series and plan marketing budgets.")
public final class Main implements Runnable {

    /**
     * Entry point.
     *
     * @param args command-line arguments
     */
    public static void main(String[] args) {
        System.exit(new CommandLine(new Main()).execute(args));
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    /** Reads the version from the jar manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"forecast4j " + (v == null ? "dev" : v)};
        }
    }
}
