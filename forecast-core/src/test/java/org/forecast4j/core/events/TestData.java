package org.forecast4j.core.events;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/** Paths of test resources and of the optional shared data. */
final class TestData {

    static final Path SHARED_TAOBAO =
            Paths.get("/work/shared/data/taobao-userbehavior/UserBehavior_head84475.csv");
    static final Path SHARED_RETAIL =
            Paths.get("/work/shared/data/online-retail/online_retail_top100_stockcodes.csv");
    static final Path SHARED_RETAIL_DAILY =
            Paths.get("/work/shared/data/online-retail/online_retail_daily_totals.csv");

    private TestData() {
    }

    static Path resource(String name) {
        try {
            return Paths.get(TestData.class.getResource("/events/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("missing test resource " + name, e);
        }
    }

    /** Rows of a small CSV resource with a header, split on commas (the reference files have no quotes). */
    static List<String[]> csv(String name) {
        try {
            List<String> lines = Files.readAllLines(resource(name));
            List<String[]> out = new ArrayList<>();
            for (int i = 1; i < lines.size(); i++) {
                out.add(lines.get(i).split(",", -1));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
