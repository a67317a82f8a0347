package dev.stria.otlp;

import dev.stria.wire.ProtoWriter;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the little that an exporter needs from OTLP/HTTP responses, without a protobuf or JSON
 * library: the partial success of an {@code ExportMetricsServiceResponse} and the message of an
 * error body ({@code google.rpc.Status}), in protobuf or JSON.
 */
final class OtlpResponses {
  /** {@code rejected_data_points} and {@code error_message} of a partial success. */
  record PartialSuccess(long rejected, String message) {}

  private static final Pattern JSON_REJECTED =
      Pattern.compile("\"rejected_?[dD]ata_?[pP]oints\"\\s*:\\s*\"?(-?\\d+)");
  private static final Pattern JSON_ERROR_MESSAGE =
      Pattern.compile("\"error_?[mM]essage\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
  private static final Pattern JSON_MESSAGE =
      Pattern.compile("\"message\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
  private static final int MAX_MESSAGE = 300;

  private OtlpResponses() {}

  /** The partial success of a 2xx response, or null when there is none (full success). */
  static PartialSuccess partialSuccess(HttpExportTransport.Response r) {
    byte[] body = r.body();
    if (body == null || body.length == 0) {
      return null;
    }
    try {
      if (isJson(r)) {
        String json = new String(body, StandardCharsets.UTF_8);
        Matcher rejected = JSON_REJECTED.matcher(json);
        Matcher message = JSON_ERROR_MESSAGE.matcher(json);
        long n = rejected.find() ? Long.parseLong(rejected.group(1)) : 0;
        String m = message.find() ? message.group(1) : "";
        return n == 0 && m.isEmpty() ? null : new PartialSuccess(n, m);
      }
      ProtoReader response = new ProtoReader(body, 0, body.length);
      while (response.next()) {
        if (response.field() == 1 && response.wireType() == ProtoWriter.LENGTH_DELIMITED) {
          ProtoReader partial = response.message();
          long n = 0;
          String m = "";
          while (partial.next()) {
            if (partial.field() == 1 && partial.wireType() == ProtoWriter.VARINT) {
              n = partial.varint();
            } else if (partial.field() == 2 && partial.wireType() == ProtoWriter.LENGTH_DELIMITED) {
              m = partial.string();
            } else {
              partial.skip();
            }
          }
          return n == 0 && m.isEmpty() ? null : new PartialSuccess(n, m);
        }
        response.skip();
      }
      return null;
    } catch (RuntimeException malformed) {
      return null; // a success we cannot read is still a success
    }
  }

  /** The human message of an error response: Status.message if readable, else the body text. */
  static String errorMessage(HttpExportTransport.Response r) {
    byte[] body = r.body();
    if (body == null || body.length == 0) {
      return "(empty body)";
    }
    try {
      if (isJson(r)) {
        Matcher m = JSON_MESSAGE.matcher(new String(body, StandardCharsets.UTF_8));
        if (m.find()) {
          return truncate(m.group(1));
        }
      } else if (r.contentType().contains("protobuf")) {
        ProtoReader status = new ProtoReader(body, 0, body.length);
        while (status.next()) {
          if (status.field() == 2 && status.wireType() == ProtoWriter.LENGTH_DELIMITED) {
            return truncate(status.string());
          }
          status.skip();
        }
      }
    } catch (RuntimeException malformed) {
      // fall through to the raw text
    }
    return truncate(new String(body, StandardCharsets.UTF_8));
  }

  private static boolean isJson(HttpExportTransport.Response r) {
    return r.contentType().contains("json");
  }

  private static String truncate(String s) {
    String oneLine = s.replace('\n', ' ').replace('\r', ' ').trim();
    return oneLine.length() <= MAX_MESSAGE ? oneLine : oneLine.substring(0, MAX_MESSAGE) + "...";
  }

  /** A minimal forward protobuf reader: tags, varints, length-delimited fields, skipping. */
  static final class ProtoReader {
    private final byte[] buf;
    private int pos;
    private final int end;
    private int tag;

    ProtoReader(byte[] buf, int offset, int end) {
      this.buf = buf;
      this.pos = offset;
      this.end = end;
    }

    boolean next() {
      if (pos >= end) {
        return false;
      }
      tag = (int) varint();
      return true;
    }

    int field() {
      return tag >>> 3;
    }

    int wireType() {
      return tag & 7;
    }

    long varint() {
      long v = 0;
      for (int shift = 0; shift < 64; shift += 7) {
        if (pos >= end) {
          throw new IllegalArgumentException("truncated varint");
        }
        byte b = buf[pos++];
        v |= (long) (b & 0x7F) << shift;
        if (b >= 0) {
          return v;
        }
      }
      throw new IllegalArgumentException("malformed varint");
    }

    ProtoReader message() {
      int length = length();
      ProtoReader nested = new ProtoReader(buf, pos, pos + length);
      pos += length;
      return nested;
    }

    String string() {
      int length = length();
      String s = new String(buf, pos, length, StandardCharsets.UTF_8);
      pos += length;
      return s;
    }

    private int length() {
      long length = varint();
      if (length < 0 || length > end - pos) {
        throw new IllegalArgumentException("bad length " + length);
      }
      return (int) length;
    }

    void skip() {
      switch (wireType()) {
        case 0 -> varint();
        case 1 -> pos += 8;
        case 2 -> pos += length();
        case 5 -> pos += 4;
        default -> throw new IllegalArgumentException("unsupported wire type " + wireType());
      }
    }
  }
}
