package org.forecast4j.core.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MeasureAndTypeTest {

    @Test
    void behaviorType_builtInsHaveFixedCodes_customTypesIntern() {
        assertEquals(0, BehaviorType.PV.code());
        assertEquals(1, BehaviorType.FAV.code());
        assertEquals(2, BehaviorType.CART.code());
        assertEquals(3, BehaviorType.BUY.code());
        assertSame(BehaviorType.BUY, BehaviorType.of(" Buy "));
        BehaviorType share = BehaviorType.of("share");
        assertSame(share, BehaviorType.of("SHARE"));
        assertTrue(share.code() >= 4);
        assertSame(share, BehaviorType.fromCode(share.code()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BehaviorType.of("a b"));
        assertEquals("behaviour type name must be non-blank letters, digits, '_' or '-', got 'a b'", e.getMessage());
    }

    @Test
    void measure_parse_namesMapToMeasures() {
        assertEquals(Measure.buys(), Measure.parse("buys"));
        assertEquals(Measure.count(BehaviorType.PV), Measure.parse("views"));
        assertEquals(Measure.distinctUsers(null), Measure.parse("users"));
        assertEquals(Measure.approxDistinctUsers(null, 12), Measure.parse("users~"));
        assertEquals(Measure.distinctUsers(BehaviorType.BUY), Measure.parse("buyers"));
        assertEquals(Measure.Kind.CONVERSION_RATE, Measure.parse("conversion").kind());
        assertEquals(Measure.Kind.CART_ABANDONMENT, Measure.parse("abandonment").kind());
        assertEquals(Measure.count(BehaviorType.of("share")), Measure.parse("share"));
        assertEquals(1.04 / 64, Measure.parse("users~").relativeStandardError(), 1e-15);
        assertEquals(0.0, Measure.buys().relativeStandardError(), 0.0);
        assertTrue(Measure.conversionRate().isRatio());
        assertThrows(IllegalArgumentException.class, () -> Measure.parse("a b"));
        assertThrows(IllegalArgumentException.class, () -> Measure.approxDistinctUsers(null, 20));
        assertEquals(GroupKey.Kind.CATEGORY, GroupKey.parse("Category").kind());
        assertThrows(IllegalArgumentException.class, () -> GroupKey.parse("region"));
    }

    @Test
    void timeFormat_parsesEachForm() {
        assertEquals(1_511_544_070L, TimeFormat.epochSeconds().parse("1511544070"));
        assertEquals(1_511_544_070L, TimeFormat.epochSeconds().parse("1511544070.9"));
        assertEquals(1_511_544_070L, TimeFormat.epochMillis().parse("1511544070999"));
        assertEquals(1_511_544_070L, TimeFormat.iso().parse("2017-11-25T01:21:10+08:00"));
        assertEquals(1_511_544_070L, TimeFormat.iso().parse("2017-11-24T17:21:10Z"));
        assertEquals(1_511_544_070L, TimeFormat.local("yyyy-MM-dd HH:mm:ss", java.time.ZoneId.of("Asia/Shanghai"))
                .parse("2017-11-25 01:21:10"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TimeFormat.epochSeconds().parse("x"));
        assertEquals("expected Unix seconds, got 'x'", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TimeFormat.local("yyyy-MM-dd {", java.time.ZoneOffset.UTC));
    }
}
