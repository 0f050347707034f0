package org.forecast4j.lstm.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The SIMD switch follows the JVM configuration (module present, property not set). */
class VectorSupportTest {

    @Test
    void enabled_followsModulePresenceAndProperty() {
        boolean expected = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
                && !Boolean.getBoolean("forecast4j.lstm.scalar");
        assertEquals(expected, VectorSupport.ENABLED);
    }
}
