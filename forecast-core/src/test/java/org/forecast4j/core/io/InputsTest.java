package org.forecast4j.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Gzip is recognised by its content, not its name. Expected bytes are the ones written. */
class InputsTest {

    private static final byte[] TEXT = "date,y\n2024-01-01,1\n".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path tmp;

    private static byte[] readAll(Path file) throws IOException {
        try (InputStream in = Inputs.open(file)) {
            return in.readAllBytes();
        }
    }

    @Test
    void open_gzipContentUnderAnyName_isDecompressed() throws IOException {
        Path f = tmp.resolve("data.csv");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(f))) {
            out.write(TEXT);
        }
        assertArrayEquals(TEXT, readAll(f));
    }

    @Test
    void open_plainContentNamedGz_isReadAsItIs() throws IOException {
        Path f = tmp.resolve("data.csv.gz");
        Files.write(f, TEXT);
        assertArrayEquals(TEXT, readAll(f));
        Path one = tmp.resolve("one");
        Files.write(one, new byte[] {0x1f});
        assertArrayEquals(new byte[] {0x1f}, readAll(one));
    }

    @Test
    void open_missingFile_throws() {
        assertThrows(NoSuchFileException.class, () -> Inputs.open(tmp.resolve("missing.csv")));
    }
}
