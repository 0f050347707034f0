package org.forecast4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class MainTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "forecast", "evaluate"})
    void help_everyCommand_printsUsageAndExitsZero(String command) {
        String[] args = command.isEmpty() ? new String[] {"--help"} : new String[] {command, "--help"};
        CliRun r = CliRun.run(args).ok();
        assertTrue(r.out.startsWith("Usage: forecast4j" + (command.isEmpty() ? "" : " " + command)), r.out);
        assertTrue(r.out.contains("--version"), r.out);
        if (!command.isEmpty()) {
            for (String flag : new String[] {"--input", "--date-column", "--value-column", "--key-column",
                "--frequency", "--period", "--model", "--horizon", "--level", "--format", "--output", "--verbose"}) {
                assertTrue(r.out.contains(flag), flag + " missing from help of " + command);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "forecast", "evaluate"})
    void version_everyCommand_printsBuildVersion(String command) {
        String[] args = command.isEmpty() ? new String[] {"--version"} : new String[] {command, "--version"};
        CliRun r = CliRun.run(args).ok();
        // the version comes from the Maven build (filtered version.properties), not the "dev" fallback
        assertTrue(r.out.matches("(?s)forecast4j \\d+\\.\\d+\\.\\d+\\nJava .*"), r.out);
    }

    @Test
    void noCommand_isAUsageError() {
        CliRun.run().badInput("missing command: forecast or evaluate (see 'forecast4j --help')");
    }

    @Test
    void unknownOption_isAOneLineUsageError() {
        CliRun.run("forecast", "--input", CliRun.resource("daily.csv"), "--colour", "red")
                .badInput("Unknown options: '--colour', 'red' (see 'forecast4j forecast --help')");
    }

    @Test
    void unknownCommand_isAUsageError() {
        CliRun.run("predict").badInput("Unmatched argument at index 0: 'predict'");
    }

    @Test
    void number_wholeAndFractional() {
        assertEquals("80", Main.number(80));
        assertEquals("97.5", Main.number(97.5));
    }

    @Test
    void oneLine_joinsLines() {
        assertEquals("a b c", Main.oneLine("a\n  b\r\nc\n"));
    }
}
