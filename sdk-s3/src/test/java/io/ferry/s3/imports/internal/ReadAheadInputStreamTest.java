package io.ferry.s3.imports.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ReadAheadInputStreamTest {
    @Test
    void read_wholeSource_returnsSameBytesInOrder() throws IOException {
        byte[] data = new byte[1_000_003];
        new Random(1).nextBytes(data);
        try (InputStream in = new ReadAheadInputStream(new ByteArrayInputStream(data), 4096, 3, "t")) {
            assertThat(in.read()).isEqualTo(data[0] & 0xff);
            byte[] rest = in.readAllBytes();
            assertThat(rest.length).isEqualTo(data.length - 1);
            assertThat(rest[rest.length - 1]).isEqualTo(data[data.length - 1]);
            assertThat(in.read()).isEqualTo(-1);
        }
    }

    @Test
    void read_failingSource_throwsItsError() throws IOException {
        InputStream failing = new InputStream() {
            private int left = 10_000;

            @Override
            public int read() throws IOException {
                if (left <= 0) {
                    throw new IOException("connection reset");
                }
                left--;
                return 'x';
            }
        };
        try (InputStream in = new ReadAheadInputStream(failing, 1024, 2, "f")) {
            assertThatThrownBy(in::readAllBytes).isInstanceOf(IOException.class).hasMessage("connection reset");
        }
    }

    @Test
    void close_beforeTheEnd_closesSource() throws IOException {
        boolean[] closed = {false};
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return 'y';
            }

            @Override
            public void close() {
                closed[0] = true;
            }
        };
        InputStream in = new ReadAheadInputStream(endless, 1024, 2, "c");
        assertThat(in.read()).isEqualTo('y');
        in.close();
        in.close();
        assertThat(closed[0]).isTrue();
    }
}
