package org.forecast4j.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CsvFormatExceptionTest {

    @Test
    void message_namesWhatIsKnown() {
        assertEquals("a.csv line 3, column 'y': bad", new CsvFormatException("a.csv", 3, "y", "bad").getMessage());
        assertEquals("a.csv line 3: bad", new CsvFormatException("a.csv", 3, null, "bad").getMessage());
        assertEquals("a.csv column 'y': bad", new CsvFormatException("a.csv", 0, "y", "bad").getMessage());
        assertEquals("a.csv: bad", new CsvFormatException("a.csv", 0, null, "bad").getMessage());
        assertEquals("input: bad", new CsvFormatException(null, 0, null, "bad").getMessage());
    }
}
