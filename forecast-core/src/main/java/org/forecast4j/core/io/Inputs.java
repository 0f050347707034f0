package org.forecast4j.core.io;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.zip.GZIPInputStream;

/**
 * Opens data files for the readers of series ({@link CsvSeriesReader}) and of behaviour events
 * ({@code org.forecast4j.core.events}), unwrapping gzip: a file that starts with the gzip magic bytes
 * {@code 1f 8b} is decompressed whatever its name, any other file is read as it is. Reads are buffered (64 KiB).
 *
 * @since 0.1.0
 */
public final class Inputs {

    private static final int GZIP_MAGIC_1 = 0x1f;
    private static final int GZIP_MAGIC_2 = 0x8b;
    private static final int BUFFER = 1 << 16;

    private Inputs() {
    }

    /**
     * Opens a file, decompressing it when it starts with the gzip magic bytes.
     *
     * @param file the file
     * @return a buffered stream of the (decompressed) bytes; the caller closes it
     * @throws IOException if the file cannot be opened, or it starts like gzip but its gzip header is invalid
     */
    public static InputStream open(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        BufferedInputStream in = new BufferedInputStream(Files.newInputStream(file), BUFFER);
        in.mark(2);
        int b1 = in.read();
        int b2 = in.read();
        in.reset();
        if (b1 == GZIP_MAGIC_1 && b2 == GZIP_MAGIC_2) {
            return new GZIPInputStream(in, BUFFER);
        }
        return in;
    }
}
