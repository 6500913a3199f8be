package io.rtmtoken;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Sends one request as raw bytes over a fresh connection and reads the whole response, so a test can send what
 * well-behaved clients refuse to: malformed request lines, raw control bytes, huge headers.
 */
final class RawHttp {

    private static final int TIMEOUT_MILLIS = 20_000;

    private RawHttp() {
    }

    /** A request line, header lines and body, as the bytes to send; {@code Connection: close} is added. */
    static byte[] request(String method, String target, String headers, String body) {
        String head = method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + headers + "Connection: close\r\n"
                + (body.isEmpty() ? "" : "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n")
                + "\r\n";
        return (head + body).getBytes(StandardCharsets.UTF_8);
    }

    static Response send(int port, byte[] request) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request);
                out.flush();
            }
            catch (SocketException ex) {
                // The server may answer and close before reading all of an oversized request; read what it sent.
            }
            return Response.parse(readAll(socket.getInputStream()));
        }
    }

    /** Reads until the server closes the connection or the response it declared is complete. */
    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                bytes.write(buffer, 0, read);
                if (isComplete(new String(bytes.toByteArray(), StandardCharsets.ISO_8859_1))) {
                    break;
                }
            }
        }
        catch (SocketException ex) {
            // A reset after the response was sent ends it like a close.
        }
        return bytes.toByteArray();
    }

    private static boolean isComplete(String text) {
        int headEnd = text.indexOf("\r\n\r\n");
        if (!text.startsWith("HTTP/1.1 ") || headEnd < 0) {
            return false;
        }
        String head = text.substring(0, headEnd).toLowerCase(Locale.ROOT);
        int lengthAt = head.indexOf("\r\ncontent-length:");
        if (lengthAt >= 0) {
            int lineEnd = head.indexOf("\r\n", lengthAt + 2);
            String length = head.substring(lengthAt + 17, lineEnd < 0 ? head.length() : lineEnd).trim();
            return text.length() - headEnd - 4 >= Integer.parseInt(length);
        }
        return head.contains("\r\ntransfer-encoding: chunked") && text.endsWith("\r\n0\r\n\r\n");
    }

    /**
     * A parsed HTTP/1.1 response; status 0 when the server closed the connection without answering.
     *
     * @param status the status code
     * @param headers header names in lower case to their last value
     * @param body the body, de-chunked
     */
    record Response(int status, Map<String, String> headers, String body) {

        static Response parse(byte[] raw) {
            String text = new String(raw, StandardCharsets.ISO_8859_1);
            int headEnd = text.indexOf("\r\n\r\n");
            if (!text.startsWith("HTTP/1.1 ") || headEnd < 0) {
                return new Response(0, Map.of(), text);
            }
            String[] lines = text.substring(0, headEnd).split("\r\n");
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).trim());
            }
            String body = text.substring(headEnd + 4);
            if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
                body = dechunk(body);
            }
            byte[] bodyBytes = body.getBytes(StandardCharsets.ISO_8859_1);
            return new Response(Integer.parseInt(lines[0].substring(9, 12)), headers,
                    new String(bodyBytes, StandardCharsets.UTF_8));
        }

        String contentType() {
            return headers.getOrDefault("content-type", "");
        }

        private static String dechunk(String chunked) {
            StringBuilder body = new StringBuilder();
            int position = 0;
            while (position < chunked.length()) {
                int lineEnd = chunked.indexOf("\r\n", position);
                int size = Integer.parseInt(chunked.substring(position, lineEnd).split(";")[0].trim(), 16);
                if (size == 0) {
                    break;
                }
                body.append(chunked, lineEnd + 2, lineEnd + 2 + size);
                position = lineEnd + 2 + size + 2;
            }
            return body.toString();
        }
    }
}
