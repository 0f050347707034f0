package org.forecast4j.core.backtest;

/**
 * One forecast origin of a backtest: the model is trained on observations {@code [trainStart, trainEnd)} and
 * forecasts {@code [trainEnd, testEnd)}. Indices are 0-based positions in the series.
 *
 * @param index      fold number, 0-based, in time order
 * @param trainStart first training index, inclusive
 * @param trainEnd   the origin: first test index (training end, exclusive)
 * @param testEnd    test end, exclusive ({@code trainEnd + horizon})
 * @since 0.1.0
 */
public record Fold(int index, int trainStart, int trainEnd, int testEnd) {

    /**
     * Validates the indices.
     *
     * @throws IllegalArgumentException unless {@code 0 <= trainStart < trainEnd < testEnd} and {@code index >= 0}
     */
    public Fold {
        if (index < 0 || trainStart < 0 || trainStart >= trainEnd || trainEnd >= testEnd) {
            throw new IllegalArgumentException("fold needs index >= 0 and 0 <= trainStart < trainEnd < testEnd, got "
                    + index + ", " + trainStart + ", " + trainEnd + ", " + testEnd);
        }
    }

    /**
     * Number of training observations.
     *
     * @return {@code trainEnd − trainStart}
     */
    public int trainLength() {
        return trainEnd - trainStart;
    }

    /**
     * Number of test steps.
     *
     * @return {@code testEnd − trainEnd}
     */
    public int horizon() {
        return testEnd - trainEnd;
    }
}
