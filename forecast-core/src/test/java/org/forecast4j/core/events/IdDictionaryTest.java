package org.forecast4j.core.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class IdDictionaryTest {

    @Test
    void idOf_numbersKeptTextsNumberedNegative() {
        IdDictionary d = new IdDictionary();
        assertEquals(17850, d.idOf("17850.0"));
        assertEquals(85123, d.idOf("85123"));
        assertEquals(-1, d.idOf("85123A"));
        assertEquals(-2, d.idOf("POST"));
        assertEquals(-1, d.idOf("85123A"));
        assertEquals(-3, d.idOf("1.5"));
        assertEquals(BehaviorEvent.NO_ID, d.idOf(""));
        assertEquals("85123A", d.name(-1));
        assertEquals("17850", d.name(17850));
        assertEquals("", d.name(BehaviorEvent.NO_ID));
        assertEquals(3, d.size());
        assertThrows(IllegalArgumentException.class, () -> d.name(-9));
    }

    @Property(tries = 100)
    void name_invertsIdOf(@ForAll @AlphaChars @StringLength(min = 1, max = 8) String text,
                          @ForAll @LongRange(min = 0, max = 999_999_999_999L) long number) {
        IdDictionary d = new IdDictionary();
        assertEquals(text, d.name(d.idOf(text)));
        assertEquals(Long.toString(number), d.name(d.idOf(Long.toString(number))));
    }
}
