package org.forecast4j.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.LocalDate;
import org.forecast4j.core.Forecaster;
import org.forecast4j.core.Forecasters;
import org.forecast4j.core.TimeSeries;
import org.forecast4j.core.arima.Arima;
import org.forecast4j.core.arima.ArimaMethod;
import org.forecast4j.core.arima.select.AutoArima;
import org.forecast4j.core.arima.select.Ic;
import org.forecast4j.core.baseline.LagWalkForecaster;
import org.junit.jupiter.api.Test;

/** JSON specs map to the forecasters of the fluent API (compared with {@code equals} or by their forecasts). */
class ForecasterSpecTest {

    private static final TimeSeries SERIES = TimeSeries.daily(LocalDate.of(2024, 1, 1),
            3, 5, 4, 6, 8, 7, 9, 4, 6, 5, 7, 9, 8, 10, 5, 7, 6, 8, 10, 9, 11);

    @Test
    void parse_arimaWithEveryMember_equalsFluentSpec() {
        ForecasterSpec s = ForecasterSpec.parse("{ \"model\": \"ARIMA\", \"order\": [1, 1, 1], \"seasonal\": [0, 1, 1],"
                + " \"period\": 7, \"drift\": false, \"method\": \"ML\" }");
        Arima expected = Forecasters.arima(1, 1, 1).withSeasonal(0, 1, 1, 7).withDrift(false)
                .withMethod(ArimaMethod.ML);
        assertEquals(expected, s.forecaster());
        assertEquals("arima", s.model());
        assertEquals("{\"model\":\"arima\",\"order\":[1,1,1],\"seasonal\":[0,1,1],\"period\":7,\"drift\":false,"
                + "\"method\":\"ML\"}", s.json());
        assertEquals(Forecasters.arima(), ForecasterSpec.parse("{\"model\":\"arima\"}").forecaster());
        assertEquals(Forecasters.arima(2, 0, 0).withMean(false),
                ForecasterSpec.parse("{\"model\":\"arima\",\"order\":[2,0,0],\"mean\":false}").forecaster());
    }

    @Test
    void parse_autoArima_forecastsLikeTheBuilder() {
        assertSameForecast(AutoArima.builder().build(), "{\"model\":\"autoarima\"}");
        String json = "{\"model\":\"autoarima\",\"ic\":\"bic\",\"stepwise\":false,\"approximation\":false,"
                + "\"seasonal\":false,\"maxP\":2,\"maxQ\":1,\"maxSeasonalP\":1,\"maxSeasonalQ\":1,\"maxOrder\":3,"
                + "\"d\":1,\"seasonalD\":0,\"allowDrift\":false,\"allowMean\":true}";
        AutoArima expected = AutoArima.builder().ic(Ic.BIC).stepwise(false).approximation(false).seasonal(false)
                .maxOrders(2, 1).maxSeasonalOrders(1, 1).maxOrder(3).d(1).seasonalD(0).allowConstant(false, true)
                .build();
        assertSameForecast(expected, json);
        String label = ForecasterSpec.parse(json).forecaster().fit(SERIES).description();
        assertEquals(expected.fit(SERIES).description(), label);
        assertEquals(true, label.matches("ARIMA\\([0-2],1,[01]\\).*"), label);
    }

    @Test
    void parse_baselines_forecastLikeFluentApi() {
        assertSameForecast(Forecasters.seasonalNaive(), "{\"model\":\"snaive\"}");
        assertSameForecast(Forecasters.seasonalNaive(3), "{\"model\":\"snaive\",\"period\":3}");
        assertSameForecast(Forecasters.naive(), "{\"model\":\"naive\"}");
        assertSameForecast(Forecasters.drift(), "{\"model\":\"drift\"}");
        assertSameForecast(Forecasters.mean(), "{\"model\":\"mean\"}");
        assertEquals(LagWalkForecaster.class, ForecasterSpec.parse("{\"model\":\"naive\"}").forecaster().getClass());
    }

    private static void assertSameForecast(Forecaster expected, String json) {
        Forecaster f = ForecasterSpec.parse(json).forecaster();
        assertEquals(expected.name(), f.name());
        assertArrayEquals(expected.fit(SERIES).forecast(5, 80).upper(80), f.fit(SERIES).forecast(5, 80).upper(80),
                0.0, json);
    }

    @Test
    void parse_serviceProvider_foundByServiceLoader() {
        ForecasterSpec s = ForecasterSpec.parse("{\"model\":\"lastweek\"}");
        assertArrayEquals(Forecasters.seasonalNaive(7).fit(SERIES).forecast(7).mean(),
                s.forecaster().fit(SERIES).forecast(7).mean(), 0.0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ForecasterSpec.parse("{\"model\":\"lastweek\",\"x\":1}"));
        assertEquals("lastweek takes no parameters, got [x]", e.getMessage());
    }

    @Test
    void serialization_roundTrip_rebuildsSameForecaster() throws IOException, ClassNotFoundException {
        ForecasterSpec s = ForecasterSpec.parse("{\"model\":\"arima\",\"order\":[0,1,1],\"seasonal\":[0,1,1]}");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(s);
        }
        ForecasterSpec back;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            back = (ForecasterSpec) in.readObject();
        }
        assertEquals(s, back);
        assertEquals(s.hashCode(), back.hashCode());
        assertEquals(s.forecaster(), back.forecaster());
    }

    @Test
    void parse_badSpecs_messagesNameTheProblem() {
        assertMessage("forecaster spec is not valid JSON", "{\"model\":");
        assertMessage("forecaster spec must be a JSON object, got: [1]", "[1]");
        assertMessage("forecaster spec must have a string member \"model\", got none in {\"order\":[1,0,0]}",
                "{\"order\":[1,0,0]}");
        assertMessage("model must be one of [arima, autoarima, drift, lastweek, mean, naive, snaive], got 'ets'",
                "{\"model\":\"ets\"}");
        assertMessage("unknown parameter \"orders\" for model arima; expected one of [order, seasonal, period, mean, "
                + "drift, method]", "{\"model\":\"arima\",\"orders\":[1,1,1]}");
        assertMessage("arima parameter \"order\" must be three non-negative integers [p, d, q], got [1, -1, 0]",
                "{\"model\":\"arima\",\"order\":[1,-1,0]}");
        assertMessage("arima parameter \"order\" must be three non-negative integers [p, d, q], got [1, 1]",
                "{\"model\":\"arima\",\"order\":[1,1]}");
        assertMessage("arima parameter \"period\" needs \"seasonal\": [P, D, Q]", "{\"model\":\"arima\",\"period\":7}");
        assertMessage("arima parameter \"mean\" must be true or false, got yes", "{\"model\":\"arima\",\"mean\":\"yes\"}");
        assertMessage("method must be one of ml, css, css-ml, got 'exact'", "{\"model\":\"arima\",\"method\":\"exact\"}");
        assertMessage("snaive parameter \"period\" must be an integer >= 1, got 0", "{\"model\":\"snaive\",\"period\":0}");
        assertMessage("snaive parameter \"period\" must be an integer >= 1, got 7.5",
                "{\"model\":\"snaive\",\"period\":7.5}");
        assertMessage("unknown parameter \"period\" for model naive; expected none", "{\"model\":\"naive\",\"period\":1}");
        assertMessage("forecaster spec is not valid JSON", "{\"model\":\"naive\",\"model\":\"mean\"}");
        assertMessage("autoarima parameter \"ic\" must be \"aicc\", \"aic\" or \"bic\", got hqic",
                "{\"model\":\"autoarima\",\"ic\":\"hqic\"}");
        assertMessage("unknown parameter \"parallelism\" for model autoarima",
                "{\"model\":\"autoarima\",\"parallelism\":4}");
        assertMessage("autoarima parameter \"maxP\" must be an integer >= 0, got -1",
                "{\"model\":\"autoarima\",\"maxP\":-1}");
    }

    private static void assertMessage(String expectedStart, String json) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ForecasterSpec.parse(json));
        assertEquals(true, e.getMessage().startsWith(expectedStart), e.getMessage());
    }
}
