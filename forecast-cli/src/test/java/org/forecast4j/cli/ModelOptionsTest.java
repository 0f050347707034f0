package org.forecast4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The mechanism a model family uses to add its flags: options declared in the mixin are reported by given(). */
class ModelOptionsTest {

    /** Stands in for ModelOptions once a model family has added flags to it. */
    static class WithOrder extends ModelOptions {
        @Option(names = "--test-order")
        String order;
    }

    @Command(name = "t")
    static class TestCommand implements Callable<Integer> {
        @Mixin
        WithOrder options;

        @Option(names = "--horizon")
        int horizon;

        Set<String> given;

        @Override
        public Integer call() {
            given = options.given();
            return 0;
        }
    }

    private static Set<String> given(String... args) {
        TestCommand c = new TestCommand();
        assertEquals(0, new CommandLine(c).execute(args));
        return c.given;
    }

    @Test
    void given_listsOnlyTheModelOptionsOnTheCommandLine() {
        assertEquals(Set.of("--test-order"), given("--test-order", "1,1,1", "--horizon", "3"));
        assertEquals(Set.of(), given("--horizon", "3"));
    }

    @Test
    void given_explicitSet_isReturned() {
        assertEquals(Set.of("--seed"), new ModelOptions(Set.of("--seed")).given());
    }

    @Test
    void standardCommands_haveNoModelOptionsYet() {
        assertEquals(Set.of(), new ModelOptions().given());
        CliRun.run("forecast", "--input", CliRun.resource("values.csv"), "--model", "naive", "--horizon", "1").ok();
    }
}
