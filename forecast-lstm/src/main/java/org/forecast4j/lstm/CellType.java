package org.forecast4j.lstm;

/**
 * The recurrent cell of every layer of the network.
 *
 * @since 0.1.0
 */
public enum CellType {
    /** Long short-term memory (Hochreiter &amp; Schmidhuber 1997, with forget gate, Gers et al. 2000): four gates. */
    LSTM(4),
    /** Gated recurrent unit (Cho et al. 2014), PyTorch's formulation with the reset gate applied after the
     * recurrent product: three gates, about 25% fewer operations than the LSTM. */
    GRU(3);

    private final int gates;

    CellType(int gates) {
        this.gates = gates;
    }

    /**
     * Number of gate blocks fused in one product (4 for LSTM, 3 for GRU).
     *
     * @return gate count
     */
    public int gates() {
        return gates;
    }
}
