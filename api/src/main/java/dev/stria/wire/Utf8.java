package dev.stria.wire;

/**
 * UTF-8 encoding straight into a byte array, without the intermediate array of {@link
 * String#getBytes}. An unpaired surrogate becomes {@code '?'}, as {@code String.getBytes(UTF_8)}
 * does, so both encoders agree with the JDK on malformed strings.
 */
public final class Utf8 {
  private Utf8() {}

  /** The bytes {@code s} takes in UTF-8, counting an unpaired surrogate as one {@code '?'}. */
  public static int encodedLength(String s) {
    int n = s.length();
    int length = n;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        continue;
      }
      if (c < 0x800) {
        length += 1;
      } else if (Character.isHighSurrogate(c) && i + 1 < n
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        length += 2; // 4 bytes for 2 chars
        i++;
      } else if (Character.isSurrogate(c)) {
        // unpaired: one '?' byte, already counted
      } else {
        length += 2;
      }
    }
    return length;
  }

  /** Writes {@code s} at {@code offset}; returns the offset after the last byte. */
  public static int encode(String s, byte[] out, int offset) {
    int p = offset;
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        out[p++] = (byte) c;
      } else if (c < 0x800) {
        out[p++] = (byte) (0xC0 | (c >> 6));
        out[p++] = (byte) (0x80 | (c & 0x3F));
      } else if (Character.isHighSurrogate(c) && i + 1 < n
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        int cp = Character.toCodePoint(c, s.charAt(++i));
        out[p++] = (byte) (0xF0 | (cp >> 18));
        out[p++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
        out[p++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
        out[p++] = (byte) (0x80 | (cp & 0x3F));
      } else if (Character.isSurrogate(c)) {
        out[p++] = (byte) '?';
      } else {
        out[p++] = (byte) (0xE0 | (c >> 12));
        out[p++] = (byte) (0x80 | ((c >> 6) & 0x3F));
        out[p++] = (byte) (0x80 | (c & 0x3F));
      }
    }
    return p;
  }
}
