package org.forecast4j.core.events;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The mapped column names and their lookup in a source, shared by the CSV and JDBC readers. */
class ColumnMappingTest {

    private static final ColumnMapping RETAIL = ColumnMapping.builder()
            .time("InvoiceDate", TimeFormat.iso()).user("CustomerID").item("StockCode").fixedType(BehaviorType.BUY)
            .quantity("Quantity").price("UnitPrice").build();

    @Test
    void columnNames_inFieldOrder_nullWhereUnmapped() {
        assertArrayEquals(new String[] {"CustomerID", "StockCode", null, null, "InvoiceDate", "Quantity", "UnitPrice",
                null, null}, RETAIL.columnNames());
    }

    @Test
    void positions_lookUpMappedColumnsOnly() {
        List<String> header = List.of("InvoiceNo", "StockCode", "Quantity", "InvoiceDate", "UnitPrice", "CustomerID");
        ColumnMapping.Positions p = new ColumnMapping.Positions(RETAIL, header::indexOf);
        assertEquals(5, p.user);
        assertEquals(1, p.item);
        assertEquals(ColumnMapping.Positions.NONE, p.category);
        assertEquals(ColumnMapping.Positions.NONE, p.type);
        assertEquals(3, p.time);
        assertEquals(2, p.quantity);
        assertEquals(4, p.price);
        assertEquals(ColumnMapping.Positions.NONE, p.channel);
        assertEquals(ColumnMapping.Positions.NONE, p.session);
        assertEquals(5, p.maxPosition());
        assertEquals(RETAIL, p.m);
    }

    @Test
    void positions_lookupFailure_propagates() {
        assertThrows(IllegalStateException.class, () -> new ColumnMapping.Positions(RETAIL, c -> {
            throw new IllegalStateException(c);
        }));
    }
}
