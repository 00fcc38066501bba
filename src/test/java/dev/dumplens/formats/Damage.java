package dev.dumplens.formats;

import java.util.Arrays;
import java.util.Random;

/** Random damage to real dumps for the parsers' fuzz tests. */
public final class Damage {
    private static final byte[] SPECIAL = "\"\n\t<>#[]=: -()".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);

    private Damage() { }

    /** {@code in} truncated, with bytes flipped or replaced, a range cut out or repeated (1 to 3 of these). */
    public static byte[] damage(byte[] in, Random r) {
        byte[] out = in;
        int kinds = 1 + r.nextInt(3);
        for (int k = 0; k < kinds && out.length > 0; k++) {
            switch (r.nextInt(5)) {
                case 0: // truncate
                    out = Arrays.copyOf(out, r.nextInt(out.length));
                    break;
                case 1: { // flip random bytes
                    out = out.clone();
                    int flips = 1 + r.nextInt(30);
                    for (int f = 0; f < flips && out.length > 0; f++) out[r.nextInt(out.length)] = (byte) r.nextInt(256);
                    break;
                }
                case 2: { // write characters that matter to the grammar
                    out = out.clone();
                    int n = 1 + r.nextInt(30);
                    for (int f = 0; f < n && out.length > 0; f++) out[r.nextInt(out.length)] = SPECIAL[r.nextInt(SPECIAL.length)];
                    break;
                }
                case 3: { // cut out a range
                    int from = r.nextInt(out.length);
                    int to = Math.min(out.length, from + r.nextInt(2000));
                    byte[] cut = new byte[out.length - (to - from)];
                    System.arraycopy(out, 0, cut, 0, from);
                    System.arraycopy(out, to, cut, from, out.length - to);
                    out = cut;
                    break;
                }
                default: { // repeat a range somewhere else
                    int from = r.nextInt(out.length);
                    int len = Math.min(out.length - from, r.nextInt(3000));
                    int at = r.nextInt(out.length + 1);
                    byte[] grown = new byte[out.length + len];
                    System.arraycopy(out, 0, grown, 0, at);
                    System.arraycopy(out, from, grown, at, len);
                    System.arraycopy(out, at, grown, at + len, out.length - at);
                    out = grown;
                }
            }
        }
        return out;
    }
}
