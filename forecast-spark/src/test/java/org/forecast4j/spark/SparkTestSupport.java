package org.forecast4j.spark;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** The shared local Spark session of the tests and simulated daily data. */
final class SparkTestSupport {

    static final StructType DAILY_SCHEMA = DataTypes.createStructType(List.of(
            DataTypes.createStructField("sku", DataTypes.StringType, false),
            DataTypes.createStructField("region", DataTypes.IntegerType, false),
            DataTypes.createStructField("day", DataTypes.DateType, true),
            DataTypes.createStructField("units", DataTypes.DoubleType, true)));

    private SparkTestSupport() {
    }

    /**
     * The local[2] session shared by every test class of the module (one JVM runs them all): starting Spark
     * costs several seconds, so it is started once and stopped by Spark's own shutdown hook.
     *
     * @return the session
     */
    static synchronized SparkSession session() {
        return SparkSession.builder()
                .master("local[2]")
                .appName("forecast4j-test")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "2")
                .config("spark.sql.session.timeZone", "UTC")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.ui.showConsoleProgress", "false")
                // tiny test data: skip adaptive re-planning and whole-stage code generation (compile time
                // dominates at this size); results do not depend on either
                .config("spark.sql.adaptive.enabled", "false")
                .config("spark.sql.codegen.wholeStage", "false")
                // and no Janino compilation of single expressions either: interpreted projections and
                // predicates (Spark's own fallback path) cost less than compiling them for a few hundred rows
                .config("spark.sql.codegen.factoryMode", "NO_CODEGEN")
                .getOrCreate();
    }

    /**
     * Simulated daily unit sales: level + weekly pattern + random walk + noise, one series per (sku, region).
     *
     * @param keys   number of series
     * @param length observations per series
     * @param seed   random seed
     * @return rows (sku, region, day, units) in series order
     */
    static List<Row> dailyRows(int keys, int length, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<Row> rows = new ArrayList<>(keys * length);
        LocalDate start = LocalDate.of(2024, 1, 1);
        for (int k = 0; k < keys; k++) {
            double level = 50 + 50 * rnd.nextDouble();
            double[] week = new double[7];
            for (int j = 0; j < 7; j++) {
                week[j] = 10 * rnd.nextGaussian();
            }
            double walk = 0;
            for (int i = 0; i < length; i++) {
                walk += rnd.nextGaussian();
                double y = level + week[i % 7] + walk + 2 * rnd.nextGaussian();
                rows.add(RowFactory.create("sku" + (k / 2), k % 2, java.sql.Date.valueOf(start.plusDays(i)), y));
            }
        }
        return rows;
    }
}
