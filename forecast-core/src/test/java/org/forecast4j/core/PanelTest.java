package org.forecast4j.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PanelTest {

    @Test
    void of_map_keepsOrderAndNamesSeriesByKey() {
        Map<String, TimeSeries> m = new LinkedHashMap<>();
        m.put("z", TimeSeries.of(1, 2));
        m.put("a", TimeSeries.of(3).withName("old"));
        Panel p = Panel.of(m);
        assertEquals(List.of("z", "a"), p.keys());
        assertEquals("a", p.get("a").name());
        assertEquals(2, p.size());
        List<String> names = new ArrayList<>();
        for (TimeSeries s : p) {
            names.add(s.name());
        }
        assertEquals(List.of("z", "a"), names);
        assertEquals(List.of("z", "a"), new ArrayList<>(p.asMap().keySet()));
    }

    @Test
    void of_list_keysByName_rejectsDuplicatesAndUnnamed() {
        Panel p = Panel.of(List.of(TimeSeries.of(1).withName("b"), TimeSeries.of(2).withName("a")));
        assertEquals(List.of("b", "a"), p.keys());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Panel.of(List.of(TimeSeries.of(1).withName("x"), TimeSeries.of(2).withName("x"))));
        assertEquals("duplicate series name 'x'", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Panel.of(List.of(TimeSeries.of(1))));
    }

    @Test
    void get_missingKey_throwsNamingIt() {
        Panel p = Panel.of(List.of(TimeSeries.of(1).withName("a")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> p.get("b"));
        assertEquals("no series with key 'b'", e.getMessage());
    }

    @Test
    void panel_isImmutable() {
        Map<String, TimeSeries> m = new LinkedHashMap<>();
        m.put("a", TimeSeries.of(1));
        Panel p = Panel.of(m);
        m.put("b", TimeSeries.of(2));
        assertEquals(1, p.size());
        assertThrows(UnsupportedOperationException.class, () -> p.asMap().put("c", TimeSeries.of(3)));
        assertThrows(UnsupportedOperationException.class, () -> p.keys().add("c"));
        Map<String, TimeSeries> bad = new LinkedHashMap<>();
        bad.put("", TimeSeries.of(1));
        assertThrows(IllegalArgumentException.class, () -> Panel.of(bad));
    }
}
