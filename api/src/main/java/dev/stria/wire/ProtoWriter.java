package dev.stria.wire;

import java.io.IOException;
import java.io.OutputStream;

/**
 * A protobuf wire-format writer that fills its buffer from the end towards the start.
 *
 * <p>Why backwards: a nested message is prefixed by its length, which is known only once the
 * message is written. Writing forwards needs either a size pass over the whole tree first or a
 * copy of every nested message to make room for its length. Writing backwards (the last field of
 * the last message first) makes the length known exactly when it must be written, so every byte
 * is written once and nothing is measured twice. The caller therefore emits fields in reverse
 * order and repeated elements from last to first; the bytes, read forwards, are the canonical
 * encoding with ascending field numbers.
 *
 * <p>The written bytes are {@code buffer()[start() .. buffer().length)}. {@link #written()} stays
 * valid across growth (data is moved to the end of the larger array), so it serves as a mark:
 * {@code int mark = w.written(); ...content...; w.endMessage(field, mark)}.
 *
 * <p>Not thread-safe; one writer per exporting thread, reused across exports with {@link #reset()}.
 * Shared by the OTLP encoder and the Prometheus protobuf writer.
 */
public final class ProtoWriter {
  /** Wire type of varint fields (integers, enums, booleans). */
  public static final int VARINT = 0;
  /** Wire type of 8-byte fields (doubles, fixed64). */
  public static final int FIXED64 = 1;
  /** Wire type of length-prefixed fields (strings, bytes, nested messages, packed lists). */
  public static final int LENGTH_DELIMITED = 2;

  private byte[] buf;
  private int pos;

  /** A writer whose buffer starts at {@code initialCapacity} bytes (at least 16) and grows. */
  public ProtoWriter(int initialCapacity) {
    buf = new byte[Math.max(16, initialCapacity)];
    pos = buf.length;
  }

  /** Forgets what was written, keeping the buffer. */
  public void reset() {
    pos = buf.length;
  }

  /** The buffer; the written bytes are its last {@link #written()} bytes, from {@link #start()}. */
  public byte[] buffer() {
    return buf;
  }

  /** The index in {@link #buffer()} of the first written byte. */
  public int start() {
    return pos;
  }

  /** How many bytes were written: also a mark that stays valid when the buffer grows. */
  public int written() {
    return buf.length - pos;
  }

  /** A copy of the written bytes, in wire order. */
  public byte[] toByteArray() {
    return java.util.Arrays.copyOfRange(buf, pos, buf.length);
  }

  private void ensure(int n) {
    if (pos >= n) {
      return;
    }
    int used = buf.length - pos;
    int capacity = Math.max(buf.length * 2, used + n + 16);
    byte[] bigger = new byte[capacity];
    System.arraycopy(buf, pos, bigger, capacity - used, used);
    buf = bigger;
    pos = capacity - used;
  }

  // ---- raw values -------------------------------------------------------------------------

  /** The bytes {@code v} takes as a varint: 1 to 10. */
  public static int varintSize(long v) {
    // 1 byte per 7 significant bits; 0 needs 1 byte.
    int bits = 64 - Long.numberOfLeadingZeros(v | 1);
    return (bits + 6) / 7;
  }

  /** A varint (negative values take ten bytes, as protobuf's int64 and int32 do). */
  public void varint(long v) {
    int size = varintSize(v);
    ensure(size);
    pos -= size;
    int p = pos;
    while ((v & ~0x7FL) != 0) {
      buf[p++] = (byte) ((v & 0x7F) | 0x80);
      v >>>= 7;
    }
    buf[p] = (byte) v;
  }

  /** Eight bytes, little-endian. */
  public void fixed64(long v) {
    ensure(8);
    pos -= 8;
    for (int i = 0; i < 8; i++) {
      buf[pos + i] = (byte) (v >>> (8 * i));
    }
  }

  /** A field's key: its number and wire type. */
  public void tag(int field, int wireType) {
    varint(((long) field << 3) | wireType);
  }

  // ---- fields -----------------------------------------------------------------------------

  /** A fixed64 field. */
  public void fixed64Field(int field, long v) {
    fixed64(v);
    tag(field, FIXED64);
  }

  /** A fixed64 field omitted when zero (proto3 default, no presence). */
  public void fixed64FieldIfNonZero(int field, long v) {
    if (v != 0) {
      fixed64Field(field, v);
    }
  }

  /** A double field, written even when zero (its raw bits: NaN payloads are kept). */
  public void doubleField(int field, double v) {
    fixed64Field(field, Double.doubleToRawLongBits(v));
  }

  /** A varint field omitted when zero (proto3 default, no presence). */
  public void varintFieldIfNonZero(int field, long v) {
    if (v != 0) {
      varintField(field, v);
    }
  }

  /** A sint32 field (zigzag), omitted when zero. */
  public void sint32FieldIfNonZero(int field, int v) {
    if (v != 0) {
      sint32Field(field, v);
    }
  }

  /**
   * A varint field written even when zero: a proto2 {@code optional} field that is set keeps its
   * presence on the wire (an {@code int64} or an enum; negative values take ten bytes).
   */
  public void varintField(int field, long v) {
    varint(v);
    tag(field, VARINT);
  }

  /** A sint32 field (zigzag), written even when zero (proto2 presence). */
  public void sint32Field(int field, int v) {
    varint(((v << 1) ^ (v >> 31)) & 0xFFFFFFFFL);
    tag(field, VARINT);
  }

  /** A sint64 field (zigzag), written even when zero: also one element of an unpacked list. */
  public void sint64Field(int field, long v) {
    varint((v << 1) ^ (v >> 63));
    tag(field, VARINT);
  }

  /** A bool field omitted when false. */
  public void boolFieldIfTrue(int field, boolean v) {
    if (v) {
      varintField(field, 1);
    }
  }

  /** A string field in UTF-8, written even when empty. */
  public void stringField(int field, String s) {
    int length = Utf8.encodedLength(s);
    ensure(length);
    pos -= length;
    Utf8.encode(s, buf, pos);
    varint(length);
    tag(field, LENGTH_DELIMITED);
  }

  /** A string field omitted when empty. */
  public void stringFieldIfNotEmpty(int field, String s) {
    if (!s.isEmpty()) {
      stringField(field, s);
    }
  }

  /** A bytes field from lowercase hex digits (trace and span ids), two digits a byte. */
  public void hexBytesField(int field, String hex) {
    int length = hex.length() / 2;
    ensure(length);
    pos -= length;
    for (int i = 0; i < length; i++) {
      buf[pos + i] = (byte) (Character.digit(hex.charAt(2 * i), 16) << 4
          | Character.digit(hex.charAt(2 * i + 1), 16));
    }
    varint(length);
    tag(field, LENGTH_DELIMITED);
  }

  /** Closes a nested message whose content was written since {@code mark}. */
  public void endMessage(int field, int mark) {
    endDelimited(mark);
    tag(field, LENGTH_DELIMITED);
  }

  /**
   * Prefixes the message written since {@code mark} with its length and no tag: one message of a
   * length-delimited stream ({@code writeDelimitedTo}), as a Prometheus protobuf scrape is.
   */
  public void endDelimited(int mark) {
    varint(written() - mark);
  }

  /** Writes the bytes written so far, in wire order. */
  public void writeTo(OutputStream out) throws IOException {
    out.write(buf, pos, buf.length - pos);
  }

  /** A packed repeated fixed64 field; omitted when empty. */
  public void packedFixed64(int field, long[] values) {
    if (values.length == 0) {
      return;
    }
    int mark = written();
    for (int i = values.length - 1; i >= 0; i--) {
      fixed64(values[i]);
    }
    endMessage(field, mark);
  }

  /** A packed repeated double field; omitted when empty. */
  public void packedDouble(int field, double[] values) {
    if (values.length == 0) {
      return;
    }
    int mark = written();
    for (int i = values.length - 1; i >= 0; i--) {
      fixed64(Double.doubleToRawLongBits(values[i]));
    }
    endMessage(field, mark);
  }

  /** A packed repeated uint64 (varint) field; omitted when empty. */
  public void packedVarint(int field, long[] values) {
    if (values.length == 0) {
      return;
    }
    int mark = written();
    for (int i = values.length - 1; i >= 0; i--) {
      varint(values[i]);
    }
    endMessage(field, mark);
  }
}
