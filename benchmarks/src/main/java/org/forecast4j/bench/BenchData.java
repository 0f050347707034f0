package org.forecast4j.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Loads the one-column benchmark series bundled under {@code bench/}. */
final class BenchData {

    private BenchData() {
    }

    static double[] series(String name) {
        try (InputStream in = BenchData.class.getClassLoader().getResourceAsStream("bench/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing benchmark resource bench/" + name);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            r.readLine();
            List<Double> v = new ArrayList<>();
            String line;
            while ((line = r.readLine()) != null) {
                if (!line.isBlank()) {
                    v.add(Double.parseDouble(line.trim()));
                }
            }
            double[] out = new double[v.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = v.get(i);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
