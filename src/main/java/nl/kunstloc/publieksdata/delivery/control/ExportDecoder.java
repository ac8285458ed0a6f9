package nl.kunstloc.publieksdata.delivery.control;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.Charset;

/**
 * Decodes the two encodings almost every export is in, faster than {@code InputStreamReader} and
 * forgiving where exports are: UTF-8 in which a byte that is not part of a valid UTF-8 sequence is read
 * as Windows-1252 (monthly exports pasted together from two systems mix the two), and plain Windows-1252.
 * A byte Windows-1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) is kept as the C1 control character
 * of the same number, as ISO-8859-1 would read it.
 */
final class ExportDecoder extends Reader {

    private static final char[] CP1252 = new char[256];

    static {
        byte[] all = new byte[256];
        for (int i = 0; i < 256; i++) {
            all[i] = (byte) i;
        }
        String decoded = new String(all, Charset.forName("windows-1252"));
        for (int i = 0; i < 256; i++) {
            char c = decoded.charAt(i);
            CP1252[i] = c == '\uFFFD' ? (char) i : c;
        }
    }

    private final InputStream in;
    private final boolean utf8;
    private final byte[] bytes = new byte[1 << 16];
    private int position;
    private int limit;
    private boolean eof;
    /** The low surrogate of a character whose high surrogate filled the caller's last slot, or -1. */
    private int pending = -1;

    ExportDecoder(InputStream in, boolean utf8) {
        this.in = in;
        this.utf8 = utf8;
    }

    @Override
    public int read(char[] chars, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        int end = offset + length;
        int out = offset;
        if (pending >= 0) {
            chars[out++] = (char) pending;
            pending = -1;
        }
        while (out < end) {
            if (position == limit && !ensure(1)) {
                break;
            }
            int b = bytes[position];
            if (b >= 0) {
                // ASCII run without the per-character checks below
                int stop = position + Math.min(limit - position, end - out);
                while (position < stop && (b = bytes[position]) >= 0) {
                    chars[out++] = (char) b;
                    position++;
                }
                continue;
            }
            if (!utf8) {
                chars[out++] = CP1252[b & 0xFF];
                position++;
                continue;
            }
            out = multiByte(chars, out, end);
        }
        int n = out - offset;
        return n == 0 ? -1 : n;
    }

    /** One non-ASCII UTF-8 sequence, or one Windows-1252 character when the bytes are no valid sequence. */
    private int multiByte(char[] chars, int out, int end) throws IOException {
        int b0 = bytes[position] & 0xFF;
        int need = b0 >= 0xF0 && b0 <= 0xF4 ? 4 : b0 >= 0xE0 ? (b0 <= 0xEF ? 3 : 0) : b0 >= 0xC2 ? 2 : 0;
        if (need > 0 && ensure(need)) {
            int code = need == 2 ? b0 & 0x1F : need == 3 ? b0 & 0x0F : b0 & 0x07;
            boolean valid = true;
            for (int i = 1; i < need; i++) {
                int b = bytes[position + i] & 0xFF;
                if ((b & 0xC0) != 0x80) {
                    valid = false;
                    break;
                }
                code = (code << 6) | (b & 0x3F);
            }
            if (valid && need == 3 && (code < 0x800 || code >= 0xD800 && code <= 0xDFFF)) {
                valid = false;
            }
            if (valid && need == 4 && (code < 0x10000 || code > 0x10FFFF)) {
                valid = false;
            }
            if (valid) {
                position += need;
                if (code >= 0x10000) {
                    chars[out++] = Character.highSurrogate(code);
                    if (out < end) {
                        chars[out++] = Character.lowSurrogate(code);
                    } else {
                        pending = Character.lowSurrogate(code);
                    }
                } else {
                    chars[out++] = (char) code;
                }
                return out;
            }
        }
        chars[out++] = CP1252[b0];
        position++;
        return out;
    }

    /** Makes sure at least {@code n} bytes are buffered, unless the input ends first. */
    private boolean ensure(int n) throws IOException {
        if (limit - position >= n) {
            return true;
        }
        if (eof) {
            return limit - position >= n;
        }
        if (position > 0) {
            System.arraycopy(bytes, position, bytes, 0, limit - position);
            limit -= position;
            position = 0;
        }
        while (limit - position < n) {
            int read = in.read(bytes, limit, bytes.length - limit);
            if (read < 0) {
                eof = true;
                return limit - position >= n;
            }
            limit += read;
        }
        return true;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
